package org.ticketpost;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an operator finds on stderr with log.format text and json. */
class LogsTest {

    private static final Logger LOG = LoggerFactory.getLogger("org.ticketpost.intake.Reception");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream systemErr = System.err;

    @AfterEach
    void restore() {
        System.setErr(systemErr);
        Logs.apply(Logs.Format.TEXT, Level.WARN);
    }

    private List<String> logged(Logs.Format format, Level level) {
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Logs.apply(format, level);
        LOG.atInfo().addKeyValue("messageId", "<a1@example.com>").addKeyValue("outcome", "ticket")
                .addKeyValue("ticket", "1000017").addKeyValue("ms", 35).log("mail taken in");
        LOG.debug("details nobody asked for");
        System.err.flush();
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonIsOneObjectPerLineWithTheMessageAndItsFields() throws Exception {
        List<String> lines = logged(Logs.Format.JSON, Level.INFO);

        assertThat(lines).hasSize(1);
        Map<?, ?> line = new ObjectMapper().readValue(lines.get(0), Map.class);
        assertThat(line.get("level")).isEqualTo("INFO");
        assertThat(line.get("loggerName")).isEqualTo("org.ticketpost.intake.Reception");
        assertThat(line.get("formattedMessage")).isEqualTo("mail taken in");
        assertThat(line.get("timestamp")).isInstanceOf(Number.class);
        assertThat(line.get("kvpList").toString()).contains("messageId=<a1@example.com>", "ticket=1000017", "ms=35");
    }

    @Test
    void textIsOneReadableLineOfTheMessageAlone() {
        // a line that has fields writes them into its message too (DeliveryLog): they are not repeated
        List<String> lines = logged(Logs.Format.TEXT, Level.INFO);

        assertThat(lines).singleElement().asString()
                .contains(" INFO ", "o.t.intake.Reception", "mail taken in")
                .doesNotContain("messageId=")
                .doesNotStartWith("{");
    }

    @Test
    void theLevelDecidesWhatIsSaid() {
        assertThat(logged(Logs.Format.TEXT, Level.WARN)).isEmpty();
        err.reset();
        assertThat(logged(Logs.Format.TEXT, Level.DEBUG)).hasSize(2);
    }
}
