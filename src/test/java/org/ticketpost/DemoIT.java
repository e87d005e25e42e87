package org.ticketpost;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.ImapInbox;
import org.ticketpost.testing.Http;
import org.ticketpost.testing.Jar;

/**
 * `ticketpost demo`, the README's first command, as a newcomer runs it: the sample customer's
 * mail becomes a ticket, the confirmation lands in the customer's mailbox, the reply lands on
 * the ticket; the printed addresses and logins work, the engineers' page's too; Ctrl-C ends it and removes its folder.
 */
class DemoIT {

    @TempDir
    Path folder;

    @Test
    void theSampleCustomerIsConfirmedAndRepliesOntoTheTicketThenAPersonCanLogIn() throws Exception {
        Path out = folder.resolve("demo.out");
        Path err = folder.resolve("demo.err");
        Process demo = new ProcessBuilder(Jar.command(List.of(), "demo"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String shown = waitFor(out, err, "Stop with Ctrl-C");
            assertThat(shown).contains("The confirmation arrived in jane.doe@example.com's mailbox");
            String number = find(shown, "Subject: .*\\[Ticket#(\\d+)]");
            assertThat(shown).contains("The reply landed on ticket " + number + ", which now holds");

            int imapPort = Integer.parseInt(find(shown, "IMAP\\s+127\\.0\\.0\\.1 port (\\d+)"));
            assertThat(subjectsIn("jane.doe@example.com", imapPort))
                    .as("the customer's mailbox, read with the printed login")
                    .anyMatch(subject -> subject.contains("[Ticket#" + number + "]"));

            int httpPort = Integer.parseInt(find(shown, "http://127\\.0\\.0\\.1:(\\d+)/health"));
            HttpResponse<String> health = Http.get(httpPort, "/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"name\":\"mailbox\",\"status\":\"up\"", "\"name\":\"smtp\",\"status\":\"up\"");

            String page = find(shown, "The engineers' page: (http://127\\.0\\.0\\.1:\\d+/) ");
            String password = find(shown, "sign in as 'demo' with the password '([^']+)'");
            assertThat(page).isEqualTo("http://127.0.0.1:" + httpPort + "/");
            assertThat(logIn(page, "demo", password)).as("the printed login opens the page").isEqualTo(303);
            assertThat(logIn(page, "demo", password + "x")).isEqualTo(401);

            String dbUrl = find(shown, "TICKETPOST_DB_URL='([^']+)'");
            Jar.Run list = Jar.run(Map.of("TICKETPOST_DB_URL", dbUrl), null, "tickets", "list");
            assertThat(list.exitCode()).as(list.err()).isZero();
            assertThat(list.out()).as("tickets list while the demo runs").contains(number);

            Path data = Path.of(find(shown, "The demo's database and files are in (\\S+)\\."));
            assertThat(data).exists();
            demo.destroy();   // as Ctrl-C: SIGINT and SIGTERM both run the shutdown
            assertThat(demo.waitFor(15, TimeUnit.SECONDS)).as("ended within 15 s").isTrue();
            assertThat(data).as("the temporary folder is removed; the demo said:\n" + Files.readString(err)).doesNotExist();
        } finally {
            demo.destroyForcibly();
        }
    }

    /** Signs in to the page as a browser does; the status of the answer to the login. */
    private static int logIn(String page, String name, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(page + "login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = find(form.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        String body = "csrf=" + csrf + "&name=" + name + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(page + "login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static List<String> subjectsIn(String address, int port) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : ImapInbox.read(port, address, "demo")) {
            subjects.add(mail.getSubject());
        }
        return subjects;
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("'" + regex + "' in:\n" + text).isTrue();
        return matcher.group(1);
    }

    private static String waitFor(Path out, Path err, String wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            String shown = Files.exists(out) ? Files.readString(out) : "";
            if (shown.contains(wanted)) {
                return shown;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the demo did not say '" + wanted + "' within 90 s:\n" + shown + "\nstderr:\n"
                        + Files.readString(err));
            }
            Thread.sleep(100);
        }
    }
}
