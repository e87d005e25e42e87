package org.ticketpost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Cli;

/** A wrong configuration stops every command with exit code 78 (ingest: 75) and names every mistake, never a secret. */
class ConfigurationTest {

    @Test
    void everyMistakeIsNamedAtOnce() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_DB_URL", "jdbc:oracle:thin:scott/tiger@db:1521:orcl",
                "TICKETPOST_INGEST_THREADS", "none"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("db.url (TICKETPOST_DB_URL) must be a jdbc:h2: or jdbc:postgresql: URL, was a jdbc:oracle: one")
                .contains("ingest.threads (TICKETPOST_INGEST_THREADS) must be a whole number").doesNotContain("tiger");
    }

    @Test
    void ingestTellsTheMailServerToKeepTheMailWhileTheConfigurationIsWrong() {
        // Postfix bounces exit code 78 (5.3.5) and keeps the mail on 75
        Cli.Run run = Cli.run(Map.of("TICKETPOST_INGEST_THREADS", "none"), "ingest", "--json");

        assertThat(run.exitCode()).isEqualTo(75);
        assertThat(run.err()).contains("ingest.threads (TICKETPOST_INGEST_THREADS) must be a whole number");
    }

    @Test
    void aMisspeltKeyInTheTemplateStopsCheckNamingTheFileAndTheLine(@TempDir Path home) throws IOException {
        String shipped = Files.readString(Path.of("templates", "support-template.yaml"));
        String misspelt = shipped.replaceFirst("required: true", "requried: true");
        Path template = Files.createDirectories(home.resolve("templates")).resolve("support-template.yaml");
        Files.writeString(template, misspelt);
        Files.createDirectories(home.resolve("config"));

        Cli.Run run = Cli.run(Map.of("TICKETPOST_HOME", home.toString()), "check", "templates/samples/request-en.eml");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).startsWith("ticketpost: " + template + " line " + lineOf(misspelt, "requried: true")
                + ": fields[0].requried: unknown key (known: name, type, required,");
    }

    @Test
    void aReplyTextThatDoesNotCompileStopsEveryCommandBeforeAMailNeedsIt(@TempDir Path home) throws IOException {
        Path reply = Files.createDirectories(home.resolve("templates").resolve("reply")).resolve("sla-alert.de.txt");
        Files.writeString(reply, Files.readString(Path.of("templates", "reply", "sla-alert.de.txt")).replace("{{/breach}}", ""));
        Files.createDirectories(home.resolve("config"));

        Cli.Run run = Cli.run(Map.of("TICKETPOST_HOME", home.toString()), "check", "templates/samples/request-en.eml");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).startsWith("ticketpost: " + home.resolve("templates") + " has 1 problem(s) with the reply texts"
                + " (each reply needs one in de, en):\n  reply/sla-alert.de.txt: Section missing close tag 'breach'");
    }

    @Test
    void aWrongSlaPlanStopsIngestSoThatTheMailServerKeepsTheMail(@TempDir Path home) throws IOException {
        String shipped = Files.readString(Path.of("config", "sla-plans.yaml"));
        String wrong = shipped.replace("firstResponse: 1 business day,", "firstResponse: 1 bussiness day,");
        Path plans = Files.createDirectories(home.resolve("config")).resolve("sla-plans.yaml");
        Files.writeString(plans, wrong);
        Map<String, String> env = Map.of("TICKETPOST_HOME", home.toString());

        Cli.Run ingest = Cli.run(env, "ingest", "templates/samples/request-en.eml");
        Cli.Run keys = Cli.run(env, "keys", "list");

        assertThat(ingest.exitCode()).isEqualTo(75);
        assertThat(ingest.err()).startsWith("ticketpost: " + plans + " line " + lineOf(wrong, "1 bussiness day")
                + ": plans.advanced.3.firstResponse: must be an ISO-8601 duration");
        assertThat(keys.exitCode()).isEqualTo(78);
        assertThat(keys.err()).isEqualTo(ingest.err());
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void everyMistakeOfEveryFileIsNamedAtOnceSoThatOneStartShowsThemAll(@TempDir Path home) throws IOException {
        Path settings = Files.createDirectories(home.resolve("config")).resolve("ticketpost.properties");
        Files.writeString(settings, Files.readString(Path.of("config", "ticketpost.properties"))
                .replace("ingest.threads = 4", "ingest.threads = none"));
        String misspelt = Files.readString(Path.of("templates", "support-template.yaml")).replaceFirst("required: true", "requried: true");
        Path template = Files.createDirectories(home.resolve("templates")).resolve("support-template.yaml");
        Files.writeString(template, misspelt);
        String wrong = Files.readString(Path.of("config", "sla-plans.yaml"))
                .replace("firstResponse: 1 business day,", "firstResponse: 1 bussiness day,")
                .replace("resolution: 20 business days}", "resolution: 20 business days, warnAt: 175%}");
        Path plans = home.resolve("config").resolve("sla-plans.yaml");
        Files.writeString(plans, wrong);
        Map<String, String> env = Map.of("TICKETPOST_HOME", home.toString(), "TICKETPOST_LOG_LEVEL", "verbose");

        Cli.Run serve = Cli.run(env, "serve");
        Cli.Run ingest = Cli.run(env, "ingest", "templates/samples/request-en.eml");

        assertThat(serve.exitCode()).isEqualTo(78);
        assertThat(serve.err().lines()).containsExactly(
                "ticketpost: configuration (" + settings + ") has 2 problem(s):",
                "  ingest.threads must be a whole number from 1 to 256, was 'none'",
                "  log.level (TICKETPOST_LOG_LEVEL) must be error, warn, info or debug, was 'verbose'",
                "ticketpost: " + template + " line " + lineOf(misspelt, "requried: true")
                        + ": fields[0].requried: unknown key (known: name, type, required, multiline, versions, confirmed, format,"
                        + " values, synonyms, levels, label, aliases, prompt, placeholders, hint)",
                "ticketpost: " + plans + " has 2 problems:",
                "  " + plans + " line " + lineOf(wrong, "1 bussiness day") + ": plans.advanced.3.firstResponse: must be an"
                        + " ISO-8601 duration such as PT4H or P5D, or business hours or days such as 8 business hours or 1 business"
                        + " day, was '1 bussiness day'",
                "  " + plans + " line " + lineOf(wrong, "175%") + ": plans.advanced.3.warnAt: must be a share of the target from"
                        + " 1% to 99%, such as 75%, was '175%'");
        assertThat(ingest.exitCode()).isEqualTo(75);
        assertThat(ingest.err()).isEqualTo(serve.err());
        assertThat(home.resolve("data")).as("nothing started").doesNotExist();
    }

    @Test
    void aDatabaseTimeoutOutsideOneSecondToOneHourIsNamed() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_DB_TIMEOUT", "PT0.2S"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("db.timeout (TICKETPOST_DB_TIMEOUT) must be between PT1S and PT1H, was PT0.2S");
    }

    @Test
    void anUnknownLogFormatOrLevelIsNamed() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_LOG_FORMAT", "xml", "TICKETPOST_LOG_LEVEL", "verbose"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("log.format (TICKETPOST_LOG_FORMAT) must be text or json, was 'xml'")
                .contains("log.level (TICKETPOST_LOG_LEVEL) must be error, warn, info or debug, was 'verbose'");
    }

    @Test
    void aMailServerUrlThatIsNoneIsNamedWithoutItsPassword() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_SMTP_URL", "imap://support:s3cret@mail.example.com",
                "TICKETPOST_SMTP_PASSWORD", "hunter2"), "serve");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("smtp.url (TICKETPOST_SMTP_URL)").doesNotContain("s3cret").doesNotContain("hunter2");
    }

    @Test
    void anOnCallAddressThatIsNoneIsNamed() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_SLA_NOTIFY", "oncall@ops.example, night shift"), "serve");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("sla.notify (TICKETPOST_SLA_NOTIFY) must be e-mail addresses separated by commas,"
                + " was 'night shift'");
    }

    @Test
    void aBounceAddressThatIsNoneIsNamed() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_MAIL_BOUNCE_ADDRESS", "bounces+{token}"), "tickets", "list");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("mail.bounce-address (TICKETPOST_MAIL_BOUNCE_ADDRESS) must be an e-mail address");
    }

    @Test
    void everyMistakeOfTheMailboxIsNamedAtOnceWithoutItsPassword() {
        Cli.Run run = Cli.run(Map.of("TICKETPOST_MAILBOX_URL", "pop3s://support%40example.com@pop.example.com",
                "TICKETPOST_MAILBOX_ACKNOWLEDGE", "move", "TICKETPOST_MAILBOX_POLL_INTERVAL", "1m",
                "TICKETPOST_MAILBOX_ATTEMPTS", "0", "TICKETPOST_MAILBOX_PASSWORD", "hunter2"), "serve");
        Cli.Run noPassword = Cli.run(Map.of("TICKETPOST_MAILBOX_URL", "imaps://support:s3cret@imap.example.com/INBOX"), "serve");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains("mailbox.acknowledge (TICKETPOST_MAILBOX_ACKNOWLEDGE) move needs an IMAP mailbox")
                .contains("mailbox.poll-interval (TICKETPOST_MAILBOX_POLL_INTERVAL) must be an ISO-8601 duration")
                .contains("mailbox.attempts (TICKETPOST_MAILBOX_ATTEMPTS) must be a whole number from 1 to 100")
                .doesNotContain("hunter2");
        assertThat(noPassword.exitCode()).isEqualTo(78);
        assertThat(noPassword.err()).contains("mailbox.url (TICKETPOST_MAILBOX_URL): 'imaps://…@imap.example.com/INBOX' must not hold a "
                + "password").doesNotContain("s3cret");
    }

    private static int lineOf(String text, String part) {
        return (int) text.substring(0, text.indexOf(part)).chars().filter(c -> c == '\n').count() + 1;
    }
}
