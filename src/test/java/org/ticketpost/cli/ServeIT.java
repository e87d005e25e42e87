package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Http;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.SupportMailbox;
import org.ticketpost.testing.TestApp;
import org.ticketpost.testing.TestDatabase;

/**
 * `ticketpost serve` as an operator runs it: a process that sends the confirmations a mail
 * server's pipe took in meanwhile, on the embedded database the pipe and the other commands
 * share while it holds it, that reads the support mailbox, says what it connected to, and ends
 * cleanly on SIGTERM.
 */
class ServeIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    /** The JVM options the README gives for the short commands. */
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path folder;

    @Test
    void aConfirmationReachesTheCustomerThroughTheMailServerAndSigtermStopsTheService() throws Exception {
        SupportMailbox mailbox = new SupportMailbox(SMTP);
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.putAll(mailbox.imap("INBOX"));
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
            env.put("TICKETPOST_SMTP_URL", "smtp://127.0.0.1:" + SMTP.getSmtp().getPort() + "?starttls=off");
            int port = Ports.free();
            env.put("TICKETPOST_HTTP_PORT", Integer.toString(port));
            Path log = folder.resolve("serve.log");
            Process serve = serve(env, log);
            try {
                waitFor(log, "ticketpost serve ready: ");
                String db = "database " + database.url().split(";", 2)[0] + ", files in " + folder.resolve("files");
                String smtp = "outbox sender to smtp://127.0.0.1:" + SMTP.getSmtp().getPort() + " (unencrypted)";
                String sla = "SLA scheduler every PT30S, no sla.notify: warnings and breaches mailed only to the engineers on call, if any";
                String mailboxPart = "mailbox reader " + mailbox.imap("INBOX").get("TICKETPOST_MAILBOX_URL");
                String http = "HTTP server on http://127.0.0.1:" + port + " (/health, /metrics, /api)";
                assertThat(Files.readString(log)).contains("INFO  o.t.Lifecycle - started " + db + "\n",
                        "INFO  o.t.Lifecycle - started " + smtp + "\n", "INFO  o.t.Lifecycle - started " + mailboxPart + "\n",
                        "INFO  o.t.Lifecycle - started " + http + "\n",
                        "INFO  o.t.Lifecycle - started " + sla + "\n",
                        "INFO  o.t.Application - ticketpost serve ready: " + db + "; " + smtp + "; " + sla + "; " + mailboxPart + "; " + http + "\n");

                Jar.Run added = Jar.run(env, null, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER,
                        "--plan", "advanced", "--allow", "example.com");
                assertThat(added.exitCode()).as(added.err()).isZero();
                Path mail = Files.writeString(folder.resolve("request.eml"), Mails.load("intake/request.eml", Map.of(
                        "from", "jane@example.com", "fromName", "Jane Doe", "subject", "Calendar",
                        "messageId", "serve-1@mail.example.com", "key", TestApp.KEY, "severity", "2")), StandardCharsets.UTF_8);
                Jar.Run ingested = Jar.run(env, mail, "ingest", "--json");
                assertThat(ingested.exitCode()).as(ingested.err()).isZero();
                String ticket = ingested.out().replaceAll("(?s).*\"ticket\":\"(\\d+)\".*", "$1");

                assertThat(SMTP.waitForIncomingEmail(30_000, 1)).as("a confirmation within 30 s").isTrue();
                MimeMessage confirmation = SMTP.getReceivedMessages()[0];
                InternetAddress to = (InternetAddress) confirmation.getAllRecipients()[0];
                assertThat(to.getAddress()).isEqualTo("jane@example.com");
                assertThat(to.getPersonal()).isEqualTo("Jane Doe");
                assertThat(confirmation.getHeader("Return-Path")[0]).matches("<support\\+bounce-[a-z2-7]{16}@ticketpost\\.example>");
                assertThat(confirmation.getSubject()).contains("[Ticket#" + ticket + "]");
                assertThat(confirmation.getHeader("In-Reply-To")[0]).isEqualTo("<serve-1@mail.example.com>");

                waitFor(log, "sent confirmation");
                String reader = "mailbox reader imap://support%40ticketpost.example@127.0.0.1:" + SMTP.getImap().getPort()
                        + "/INBOX?starttls=off";
                assertThat(Files.readString(log)).contains("started " + reader);

                mailbox.send(Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                        "subject", "Calendar again", "messageId", "serve-2@mail.example.com", "key", TestApp.KEY, "severity", "3")));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (mailbox.receivedBy("jane@example.com").size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(mailbox.receivedBy("jane@example.com")).as("a confirmation of the mail read from the mailbox").hasSize(2);
                assertThat(serve.isAlive()).as("serving: " + Files.readString(log)).isTrue();
                serve.destroy();   // SIGTERM
                assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("ended within 15 s of SIGTERM").isTrue();
                assertThat(Files.readString(log)).contains("stopped " + reader, "stopped outbox sender", "stopped database");
                assertThat(database.count("select count(*) from outbox where sent_at is not null")).isEqualTo(2);
                assertThat(database.count("select count(*) from intake_ledger where state = 'acknowledged'")).isEqualTo(1);
            } finally {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void theCommandsWorkOnTheEmbeddedDatabaseWhileServeHoldsItAndAMailIsTakenInOnce() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Kind.H2, folder)) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
            env.put("TICKETPOST_MAIL_ADDRESS", "support@ticketpost.example");
            int port = Ports.free();
            env.put("TICKETPOST_HTTP_PORT", Integer.toString(port));
            Path log = folder.resolve("serve.log");
            Process serve = serve(env, log);
            try {
                waitFor(log, "ticketpost serve ready: ");
                assertThat(Http.get(port, "/health").statusCode()).isEqualTo(200);

                Jar.Run added = Jar.run(QUICK, env, null, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER,
                        "--plan", "advanced", "--allow", "example.com");
                Path mail = Files.writeString(folder.resolve("request.eml"), Mails.load("intake/request.eml", Map.of(
                        "from", "jane@example.com", "fromName", "Jane Doe", "subject", "Calendar",
                        "messageId", "serve-2@mail.example.com", "key", TestApp.KEY, "severity", "2")), StandardCharsets.UTF_8);
                Jar.Run first = Jar.run(QUICK, env, mail, "ingest", "--json");
                Jar.Run again = Jar.run(QUICK, env, mail, "ingest", "--json");
                Jar.Run listed = Jar.run(QUICK, env, null, "tickets", "list", "--json");

                assertThat(added.exitCode()).as(added.err()).isZero();
                assertThat(first.exitCode()).as(first.err()).isZero();
                assertThat(first.out()).contains("\"outcome\":\"ticket\"");
                assertThat(again.exitCode()).as(again.err()).isZero();
                assertThat(again.out()).contains("\"outcome\":\"duplicate\"");
                assertThat(listed.exitCode()).as(listed.err()).isZero();
                String ticket = first.out().replaceAll("(?s).*\"ticket\":\"(\\d+)\".*", "$1");
                assertThat(new ObjectMapper().readTree(listed.out())).extracting(listedTicket -> listedTicket.get("number").asText())
                        .containsExactly(ticket);
                assertThat(Http.get(port, "/metrics").body()).as("the confirmation the ingest process wrote waits: no smtp.url")
                        .contains("ticketpost_outbox_waiting 1.0");
                assertThat(serve.isAlive()).as("serving: " + Files.readString(log)).isTrue();
            } finally {
                serve.destroy();
                serve.waitFor(15, TimeUnit.SECONDS);
                serve.destroyForcibly();
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(1);
            assertThat(database.count("select count(*) from message")).isEqualTo(2);   // the request and its confirmation
        }
    }

    private static Process serve(Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Jar.command(List.of(), "serve"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void waitFor(Path log, String wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(log) && Files.readString(log).contains(wanted))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("serve did not say '" + wanted + "' within 60 s:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }
}
