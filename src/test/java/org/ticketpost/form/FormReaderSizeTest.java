package org.ticketpost.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ticketpost.testing.Templates;

/** The form is read in time linear in the text: at the longest text a mail hands over (4 MB), within seconds. */
class FormReaderSizeTest {

    /** Generous: the fixed reader takes about a second here; a reader quadratic in the text takes hours. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final FormReader reader = new FormReader(Templates.standard());

    @Test
    void twoMillionShortLinesWithoutAColonAreReadInOnePass() {
        String log = "x\n".repeat(2_000_000);

        RawForm form = assertTimeoutPreemptively(BOUND,
                () -> reader.read("Severity: 2\nCurrent behaviour:\n" + log + "Expected behaviour: it works\n"));

        assertThat(form.values()).containsEntry("severity", "2").containsEntry("expectedBehaviour", "it works");
    }

    @Test
    void manyRulesAtTheEndAreLeftOutInOnePass() {
        String rules = "\n__________".repeat(400_000);

        RawForm form = assertTimeoutPreemptively(BOUND, () -> reader.read("Severity: 2\nProduct: OXSE" + rules));

        assertThat(form.values()).containsEntry("product", "OXSE");
    }

    @Test
    void aLongLineRepeatingWroteIsNoAttributionAndReadQuickly() {
        String line = "am " + "schrieb ".repeat(500_000) + "\n";

        RawForm form = assertTimeoutPreemptively(BOUND, () -> reader.read(line + "Severity: 2\nProduct: OXSE\n"));

        assertThat(form.values()).containsEntry("severity", "2").containsEntry("product", "OXSE");
    }
}
