package org.ticketpost.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ticketpost.testing.Templates;

class FormCheckTest {

    private final FormCheck check = new FormCheck(Templates.standard());

    private static Map<String, String> complete() {
        Map<String, String> values = new HashMap<>();
        values.put("supportKey", "OXSK-7Q4M-2KD9");
        values.put("server", "https://ox.example.com/appsuite/");
        values.put("serverVersion", "8.21.0");
        values.put("distribution", "DEBIAN");
        values.put("severity", "2");
        values.put("product", "OXAPPSUITE");
        values.put("component", "Groupware Server");
        values.put("stepsToReproduce", "Log in.");
        values.put("currentBehaviour", "Error.");
        values.put("expectedBehaviour", "No error.");
        return values;
    }

    private FilledForm checkWith(String field, String value) {
        Map<String, String> values = complete();
        values.put(field, value);
        return check.check(new RawForm("en", values));
    }

    @Test
    void aCompleteFormIsValid() {
        FilledForm form = check.check(new RawForm("en", complete()));

        assertThat(form.problems()).isEmpty();
        assertThat(form.isValid()).isTrue();
    }

    @Test
    void reportsEveryMissingRequiredFieldAndNotOnlyTheFirst() {
        FilledForm form = check.check(new RawForm("en", Map.of("severity", "2")));

        assertThat(form.problems()).extracting(Problem::field).containsExactly(
                "supportKey", "server", "serverVersion", "distribution", "product", "component",
                "stepsToReproduce", "currentBehaviour", "expectedBehaviour");
        assertThat(form.problems()).extracting(Problem::code).containsOnly(Problem.Code.MISSING);
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        FilledForm form = check.check(new RawForm("en", complete()));

        assertThat(form.values()).doesNotContainKeys("guiVersion", "module", "trackId");
    }

    @ParameterizedTest(name = "\"{0}\" is severity {1}")
    @CsvSource(delimiter = '|', value = {
            "2|2", "Sev 2|2", "sev2|2", "S1|1", "2 - Medium|2", "Severity 1 – High|1", "High|1", "medium|2",
            "Low|3", "Trivial|4", "Hoch|1", "3 (partial loss)|3", "4.|4", "Schweregrad 2|2", "2 - 30 users affected|2"})
    void understandsSeverityAsCustomersWriteIt(String written, String level) {
        FilledForm form = checkWith("severity", written);

        assertThat(form.problems()).isEmpty();
        assertThat(form.values()).containsEntry("severity", level);
    }

    @ParameterizedTest(name = "\"{0}\" is not a severity")
    @CsvSource(delimiter = '|', value = {"7", "0", "urgent", "1 - Low", "Severity 5", "1 or 2", "2/3", "Sev 3-4"})
    void rejectsSeveritiesOutOfRangeUnknownOrContradictory(String written) {
        FilledForm form = checkWith("severity", written);

        assertThat(form.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("severity");
            assertThat(problem.code()).isEqualTo(Problem.Code.INVALID);
            assertThat(problem.message()).contains(written).contains("1, 2, 3 or 4");
        });
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "distribution|debian|DEBIAN", "distribution|Debian GNU/Linux 12 (bookworm)|DEBIAN",
            "distribution|RHEL 8.6|RHEL", "distribution|Red Hat|RHEL", "distribution|sles 15 sp5|SLES",
            "module|Calendar|calendar", "module|INFOSTORE|infostore",
            "product|oxappsuite|OXAPPSUITE", "product|App Suite|OXAPPSUITE", "product|oxtender|OXtender",
            "product|ox5|OX5", "component|groupware server|Groupware Server",
            "component|Groupware-Server|Groupware Server", "component|admin gui|Admin GUI", "component|clt|CLT"})
    void normalisesChoicesToTheTemplatesSpelling(String field, String written, String canonical) {
        FilledForm form = checkWith(field, written);

        assertThat(form.problems()).isEmpty();
        assertThat(form.values()).containsEntry(field, canonical);
    }

    @Test
    void aValueOutsideTheListIsNotAllowedAndKeptAsWritten() {
        FilledForm form = checkWith("distribution", "Ubuntu 22.04");

        assertThat(form.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(Problem.Code.NOT_ALLOWED);
            assertThat(problem.message()).contains("Ubuntu 22.04").contains("SLES, RHEL, DEBIAN, UCS");
        });
        assertThat(form.values()).containsEntry("distribution", "Ubuntu 22.04");
    }

    @Test
    void anOptionalChoiceOutsideTheListIsStillReported() {
        FilledForm form = checkWith("module", "webmail");

        assertThat(form.problems()).extracting(Problem::field, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("module", Problem.Code.NOT_ALLOWED));
    }

    @ParameterizedTest(name = "\"{0}\" is a server")
    @CsvSource(delimiter = '|', value = {
            "https://ox.example.com/appsuite/", "ox.example.com", "ox1", "ox.example.com:8009", "192.0.2.10",
            "[2001:db8::1]", "<https://ox.example.com>", "ox.example.com (production)", "http://192.0.2.10:8080/x",
            "mail.bücher.example"})
    void acceptsAUrlOrAHostName(String server) {
        assertThat(checkWith("server", server).problems()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is not a server")
    @CsvSource(delimiter = '|', value = {"my server", "ox1 crashed again", "http://", "ox_1.example.com", "-ox.example.com",
            "999.1.1", "https://exa mple.com"})
    void rejectsWhatIsNeitherUrlNorHostName(String server) {
        assertThat(checkWith("server", server).problems()).singleElement()
                .extracting(Problem::code).isEqualTo(Problem.Code.INVALID);
    }

    @Test
    void upperCasesAWellFormedSupportKey() {
        FilledForm form = checkWith("supportKey", "oxsk-7q4m-2kd9");

        assertThat(form.problems()).isEmpty();
        assertThat(form.values()).containsEntry("supportKey", "OXSK-7Q4M-2KD9");
    }

    @ParameterizedTest(name = "\"{0}\" is not a support key")
    @CsvSource(delimiter = '|', value = {"12345", "my key", "OXSK_7Q4M", "OX-"})
    void rejectsAMalformedSupportKey(String key) {
        assertThat(checkWith("supportKey", key).problems()).singleElement()
                .extracting(Problem::code).isEqualTo(Problem.Code.INVALID);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" is the template's placeholder")
    @CsvSource(delimiter = '|', value = {
            "supportKey|OX-SUPPORT-ODER-LIZENZ-KEY-XXX", "server|URL of the machine", "server|url des servers",
            "severity|1, 2, 3, 4", "distribution|can be one of SLES, RHEL, DEBIAN, UCS", "stepsToReproduce|...",
            "currentBehaviour|…", "server|URL or host name of the affected machine"})
    void reportsThePlaceholderLeftIn(String field, String placeholder) {
        FilledForm form = checkWith(field, placeholder);

        assertThat(form.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.code()).isEqualTo(Problem.Code.PLACEHOLDER);
        });
        assertThat(form.values()).doesNotContainKey(field);
    }

    @Test
    void aPlaceholderInAnOptionalFieldMeansItWasLeftOut() {
        FilledForm form = checkWith("guiVersion", "GUI version or package list");

        assertThat(form.problems()).isEmpty();
        assertThat(form.values()).doesNotContainKey("guiVersion");
    }

    @Test
    void nAMeansMissing() {
        FilledForm form = checkWith("serverVersion", "n/a");

        assertThat(form.problems()).singleElement().extracting(Problem::code).isEqualTo(Problem.Code.MISSING);
    }

    @Test
    void speaksTheLanguageOfTheMail() {
        Map<String, String> values = complete();
        values.remove("server");

        FilledForm form = check.check(new RawForm("de", values));

        assertThat(form.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("„Server“ fehlt");
    }

    @Test
    void quotesALongValueShortened() {
        FilledForm form = checkWith("distribution", "x".repeat(500));

        assertThat(form.problems().get(0).message()).hasSizeLessThan(400).contains("…");
    }
}
