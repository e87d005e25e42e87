package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;

/** Data lives in the home folder, whatever folder a command runs in; a command that only reads creates nothing. */
class HomeFolderIT {

    @TempDir
    Path home;

    @Test
    void commandsThatOnlyReadCreateNoDatabaseAndSayWhereTheyLooked() {
        Map<String, String> env = Map.of("TICKETPOST_HOME", home.toString());
        Path database = home.resolve("data/ticketpost.mv.db");

        Cli.Run tickets = Cli.run(env, "tickets", "list");
        Cli.Run ticket = Cli.run(env, "tickets", "show", "100009");
        Cli.Run keys = Cli.run(env, "keys", "list");
        Cli.Run key = Cli.run(env, "keys", "show", TestApp.KEY);
        Cli.Run check = Cli.run(env, "check", "templates/samples/request-en.eml");

        assertThat(tickets.exitCode()).isEqualTo(1);
        assertThat(tickets.out()).isEmpty();
        assertThat(tickets.err()).isEqualTo("ticketpost tickets: no database at " + database + " yet: nothing has been taken in\n");
        assertThat(ticket.exitCode()).isEqualTo(1);
        assertThat(ticket.err()).isEqualTo(tickets.err());
        assertThat(keys.exitCode()).isEqualTo(1);
        assertThat(keys.err()).isEqualTo("ticketpost keys: no database at " + database
                + " yet: no support key has been added (ticketpost keys add)\n");
        assertThat(key.exitCode()).isEqualTo(1);
        assertThat(check.exitCode()).isZero();
        assertThat(check.err()).isEqualTo("ticketpost check: no database at " + database
                + " yet: the support key is not checked against the registry\n");
        assertThat(home.resolve("data")).doesNotExist();

        Cli.Run added = Cli.run(env, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced",
                "--allow", "example.com");
        Cli.Run listed = Cli.run(env, "keys", "list");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.err()).isEqualTo("ticketpost: database jdbc:h2:file:" + home.resolve("data/ticketpost")
                + ", files in " + home.resolve("data/files") + "\n");
        assertThat(database).exists();
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(TestApp.KEY);
    }

    @Test
    void relativePathsInTheConfigurationAreTakenFromTheHomeFolder() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/ticketpost.properties"), """
                db.url = jdbc:h2:file:./db/tickets;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH
                storage.dir = store
                mail.address = support@ticketpost.example
                """, StandardCharsets.UTF_8);
        Path mail = Files.writeString(home.resolve("request.eml"), Mails.load("intake/request.eml", Map.of(
                "from", "jane@example.com", "fromName", "Jane Doe", "subject", "Calendar", "messageId", "home@mail.example.com",
                "key", TestApp.KEY, "severity", "2")), StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("TICKETPOST_HOME", home.toString());

        Cli.run(env, "keys", "add", TestApp.KEY, "--customer", TestApp.CUSTOMER, "--plan", "advanced", "--allow", "example.com");
        Cli.Run ingest = Cli.run(env, "ingest", mail.toString());
        Cli.Run list = Cli.run(env, "tickets", "list");

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.err()).isEqualTo("ticketpost: database jdbc:h2:file:" + home.resolve("db/tickets") + ", files in "
                + home.resolve("store") + "\nticketpost ingest: " + list.out().lines().skip(1).findFirst().orElseThrow()
                .substring(0, 6).transform(number -> "ticket " + number + " opened") + "\n");
        assertThat(list.out()).contains("Calendar");
        assertThat(home.resolve("db/tickets.mv.db")).exists();
        assertThat(home.resolve("store")).isDirectory();
        assertThat(Path.of("db")).as("nothing in the working directory").doesNotExist();
        assertThat(Path.of("store")).as("nothing in the working directory").doesNotExist();
    }
}
