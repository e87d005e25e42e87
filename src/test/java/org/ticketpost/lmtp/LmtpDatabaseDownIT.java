package org.ticketpost.lmtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Application;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.DedicatedDatabase;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.Ports;
import org.ticketpost.testing.TestApp;

/**
 * While the database is down, a mail delivered over LMTP is told 451, so that the mail server keeps it
 * and delivers it again; once the database is back, the very next delivery is taken in, not failed
 * again on a pooled connection that the outage ended.
 */
class LmtpDatabaseDownIT {

    private static final String SUPPORT = "support@ticketpost.example";

    @TempDir
    Path folder;

    private static String request(String messageId) {
        return Mails.load("intake/request.eml", Map.of("from", "jane@example.com", "fromName", "Jane Doe",
                "subject", "Calendar", "messageId", messageId, "key", TestApp.KEY, "severity", "1"));
    }

    /** The settings of a service on the database that takes mail over LMTP on the port, with the test's key added. */
    private Map<String, String> serviceOn(DedicatedDatabase database, int port) {
        Map<String, String> env = new HashMap<>(database.env());
        env.put("TICKETPOST_DB_TIMEOUT", "PT2S");   // a database that does not answer costs the test seconds
        env.put("TICKETPOST_STORAGE_DIR", folder.resolve("files").toString());
        env.put("TICKETPOST_MAIL_ADDRESS", SUPPORT);
        env.put("TICKETPOST_LMTP_PORT", Integer.toString(port));
        Cli.Run added = Cli.run(env, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return env;
    }

    @Test
    void mailsThatCameTogetherWhileTheDatabaseWasDownAreAllTold451AfterOneWaitNotOneWaitEach() throws Exception {
        try (DedicatedDatabase database = DedicatedDatabase.create(folder)) {
            int port = Ports.free();
            Map<String, String> env = serviceOn(database, port);
            try (Application service = Application.configure(env, Clock.systemUTC())) {
                service.serve();
                database.refuseConnections();
                long started = System.nanoTime();
                List<CompletableFuture<List<String>>> answers = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    String mail = request("down-" + i + "@mail.example.com");
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try (LmtpClient client = LmtpClient.greeted(port)) {
                            return client.deliver(mail, SUPPORT);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, runnable -> new Thread(runnable).start()));
                }
                List<String> replies = answers.stream().map(CompletableFuture::join).flatMap(List::stream).toList();
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(replies).hasSize(8).allSatisfy(reply -> assertThat(reply).startsWith("451 4.3.0"));
                // the first alone, the seven that waited meanwhile in one group: two waits of 2 s, where one
                // each would keep the last waiting 16 s and more
                assertThat(took).as("until the last answer").isLessThan(Duration.ofSeconds(9));
            }
            database.allowConnections();
            assertThat(database.count("select count(*) from ticket")).isZero();
        }
    }

    @Test
    void aMailThatCameWhileTheDatabaseWasDownIsTold451AndTakenInAtTheNextDeliveryOnceItIsBack() throws Exception {
        try (DedicatedDatabase database = DedicatedDatabase.create(folder)) {
            int port = Ports.free();
            Map<String, String> env = serviceOn(database, port);
            try (Application service = Application.configure(env, Clock.systemUTC())) {
                service.serve();
                try (LmtpClient client = LmtpClient.greeted(port)) {
                    assertThat(client.deliver(request("before@mail.example.com"), SUPPORT)).singleElement().asString()
                            .startsWith("250 2.0.0");

                    database.refuseConnections();
                    assertThat(client.deliver(request("during@mail.example.com"), SUPPORT)).containsExactly("451 4.3.0 <"
                            + SUPPORT + "> not taken in, try again later: the database or the disk is unavailable");

                    database.allowConnections();
                    assertThat(database.count("select count(*) from message where message_id = 'during@mail.example.com'"))
                            .isZero();
                    assertThat(client.deliver(request("during@mail.example.com"), SUPPORT)).singleElement().asString()
                            .matches("250 2\\.0\\.0 <" + SUPPORT + "> taken in: ticket \\d+ opened");
                }
            }
            assertThat(database.count("select count(*) from ticket")).isEqualTo(2);
            assertThat(database.count("select count(*) from message where message_id = 'during@mail.example.com'")).isEqualTo(1);
        }
    }
}
