package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.Mails;
import org.ticketpost.testing.TestApp;

/**
 * Ticketpost installed as the README sets it up: the jar beside config/, started by a mail server
 * in some other folder. The data is where the jar is, and the mail finds the key registered there.
 */
class InstalledJarIT {

    @TempDir
    Path folder;

    @Test
    void aMailDeliveredFromAnotherFolderFindsTheInstallationsData() throws Exception {
        Path installation = Files.createDirectories(folder.resolve("opt/ticketpost/config")).getParent();
        Path jar = Files.copy(Jar.path(), installation.resolve("ticketpost.jar"));
        Files.writeString(installation.resolve("config/ticketpost.properties"), "mail.address = support@ticketpost.example\n");
        Path operator = Files.createDirectories(folder.resolve("home/operator"));
        Path spool = Files.createDirectories(folder.resolve("var/spool/postfix"));
        Path mail = Files.writeString(folder.resolve("request.eml"), Mails.load("intake/request.eml", Map.of("from",
                "jane@example.com", "fromName", "Jane Doe", "subject", "Calendar", "messageId", "installed@mail.example.com",
                "key", TestApp.KEY, "severity", "2")), StandardCharsets.UTF_8);

        Jar.Run added = Jar.runInstalled(jar, operator, Map.of(), null, "keys", "add", TestApp.KEY,
                "--customer", TestApp.CUSTOMER, "--plan", "advanced", "--allow", "example.com");
        Jar.Run delivered = Jar.runInstalled(jar, spool, Map.of(), mail, "ingest");

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(delivered.exitCode()).as(delivered.err()).isZero();
        assertThat(delivered.err()).startsWith("ticketpost: database jdbc:h2:file:" + installation.resolve("data/ticketpost")
                + ", files in " + installation.resolve("data/files") + "\n").containsPattern("ticket \\d{6} opened");
        try (Stream<Path> left = Stream.concat(Files.list(operator), Files.list(spool))) {
            assertThat(left).as("nothing in the folders the commands ran in").isEmpty();
        }
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + installation.resolve("data/ticketpost")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
                ResultSet tickets = db.createStatement().executeQuery("select count(*) from ticket")) {
            tickets.next();
            assertThat(tickets.getInt(1)).isEqualTo(1);
        }
    }
}
