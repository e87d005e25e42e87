package org.ticketpost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ticketpost.form.FieldSpec;
import org.ticketpost.form.FilledForm;
import org.ticketpost.form.FormCheck;
import org.ticketpost.form.FormReader;
import org.ticketpost.form.Problem;
import org.ticketpost.form.SupportTemplate;
import org.ticketpost.testing.Templates;

class SupportTemplateFileTest {

    private final SupportTemplate template = Templates.standard();
    private final Folder folder = Folder.templates(Templates.FOLDER);

    @Test
    void theShippedTemplateHasTheThirteenFieldsOfTheSupportProcess() {
        assertThat(template.fields()).extracting(FieldSpec::name).containsExactly(
                "supportKey", "server", "serverVersion", "distribution", "guiVersion", "module", "severity", "trackId",
                "product", "component", "stepsToReproduce", "currentBehaviour", "expectedBehaviour");
    }

    @ParameterizedTest(name = "the {0} template text names every field by its label")
    @ValueSource(strings = {"en", "de"})
    void theTemplateTextUsesTheDisplayLabels(String language) {
        String text = folder.require("support-template." + language + ".txt");

        for (FieldSpec field : template.fields()) {
            assertThat(text).contains(field.label(language) + ":").contains("{{" + field.name() + "}}");
        }
    }

    @ParameterizedTest(name = "the blank {0} template is read as placeholders, not as values")
    @ValueSource(strings = {"en", "de"})
    void theBlankTemplateIsNotARequest(String language) {
        String blank = fill(folder.require("support-template." + language + ".txt"),
                template.fields().stream().collect(Collectors.toMap(FieldSpec::name, field -> field.prompt(language))));

        FilledForm form = check(blank);

        assertThat(form.values()).isEmpty();
        assertThat(form.problems()).extracting(Problem::code).containsOnly(Problem.Code.PLACEHOLDER);
        assertThat(form.problems()).hasSize((int) template.fields().stream().filter(FieldSpec::required).count());
        assertThat(form.language()).isEqualTo(language);
    }

    @ParameterizedTest(name = "the {0} template filled in is a valid request")
    @ValueSource(strings = {"en", "de"})
    void theTemplateFilledInIsARequest(String language) {
        Map<String, String> values = Map.ofEntries(
                Map.entry("supportKey", "OXSK-7Q4M-2KD9"), Map.entry("server", "ox.example.com"),
                Map.entry("serverVersion", "8.21.0"), Map.entry("distribution", "UCS"), Map.entry("guiVersion", "8.21.0"),
                Map.entry("module", "tasks"), Map.entry("severity", "3"), Map.entry("trackId", "BZ-1"),
                Map.entry("product", "OXHE"), Map.entry("component", "Admin GUI"),
                Map.entry("stepsToReproduce", "Open it."), Map.entry("currentBehaviour", "Error."),
                Map.entry("expectedBehaviour", "No error."));

        FilledForm form = check(fill(folder.require("support-template." + language + ".txt"), values));

        assertThat(form.problems()).isEmpty();
        assertThat(form.values()).isEqualTo(values);
    }

    @Test
    void aTypoInTheTypeNamesTheFieldAndTheChoices() {
        String yaml = shipped().replace("type: severity", "type: sevrity");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage("support-template.yaml line " + lineOf(yaml, "type: sevrity")
                        + ": fields[6].type: must be one of key, server, severity, choice, text, was 'sevrity'");
    }

    @Test
    void aMisspeltKeyIsNamedWithItsLineAndTheKnownKeys() {
        String yaml = shipped().replaceFirst("required: true", "requried: true");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessage("support-template.yaml line " + lineOf(yaml, "requried: true") + ": fields[0].requried: unknown key "
                        + "(known: name, type, required, multiline, versions, confirmed, format, values, synonyms, levels, "
                        + "label, aliases, prompt, placeholders, hint)");
    }

    @Test
    void aMisspeltKeyHoldingAMapIsNamedAtItsOwnLine() {
        String yaml = shipped().replace("""
                    label: {en: Server Version, de: Server Version}
                """, """
                    lable:
                      en: Server Version
                    label: {en: Server Version, de: Server Version}
                """);

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessageStartingWith("support-template.yaml line " + lineOf(yaml, "lable:") + ": fields[2].lable: unknown key");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        String yaml = shipped().replaceFirst("required: false", "required: yes please");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "required: yes please")
                        + ": fields[4].required: must be true or false, was 'yes please'");
    }

    @Test
    void aListWhereAMapBelongsIsNamed() {
        String yaml = shipped().replace("label: {en: Module, de: Modul}", "label: [Module, Modul]");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "label: [Module, Modul]")
                        + ": fields[5].label: must be a map, such as {a: b}, was a list");
    }

    @Test
    void aFormatThatIsNoRegularExpressionIsNamed() {
        String yaml = shipped().replace("format: '[A-Z0-9]{2,}(-[A-Z0-9]{2,}){1,7}'", "format: '[A-Z0-9]{2,}(-[A-Z0-9]{2,}{1,7}'");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessageStartingWith("support-template.yaml line " + lineOf(yaml, "format:")
                        + ": fields[0].format: is not a regular expression: Unclosed group");
    }

    @Test
    void aSeverityLevelOutsideOneToFourIsNamed() {
        String yaml = shipped().replace("4: [Trivial, Gering]", "4: [Trivial, Gering]\n      5: [Urgent, Dringend]");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "5: [Urgent, Dringend]")
                        + ": fields[6].levels.5: is no severity: severities are 1, 2, 3 and 4");
    }

    @Test
    void anUnknownProblemCodeIsNamed() {
        String yaml = shipped().replace("  not_allowed:", "  not_alowed:");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessageContaining("support-template.yaml line " + lineOf(yaml, "not_alowed:")
                        + ": problems.not_alowed: unknown problem code (known: missing, not_allowed,")
                .hasMessageContaining("problems: has no message for not_allowed");
    }

    @ParameterizedTest(name = "the shipped template words the problem {0} in every language")
    @EnumSource(Problem.Code.class)
    void theShippedTemplateHasATextForEveryProblemInEveryLanguage(Problem.Code code) {
        assertThat(template.problemTexts().get(code.id())).as(code.id())
                .containsOnlyKeys(template.languages().keySet())
                .allSatisfy((language, text) -> assertThat(text).isNotBlank());
    }

    @Test
    void aProblemWithoutATextInOneLanguageIsNamed() {
        String yaml = shipped().lines().filter(line -> !line.startsWith("    de: 'Wir konnten nicht bestätigen"))
                .collect(Collectors.joining("\n", "", "\n"));

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "sender_not_authenticated:")
                        + ": problems.sender_not_authenticated: has no text in de: every problem needs one in each language"
                        + " of the template");
    }

    @Test
    void aSynonymOfAValueTheFieldDoesNotAcceptIsNamed() {
        String yaml = shipped().replace("RHEL: [Red Hat Enterprise Linux, Red Hat, RedHat]", "RHLE: [Red Hat Enterprise Linux, Red Hat]");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "RHLE:")
                        + ": fields[3].synonyms.RHLE: is not one of the values (SLES, RHEL, DEBIAN, UCS)");
    }

    @Test
    void aTextInALanguageTheTemplateDoesNotDescribeIsNamed() {
        String yaml = shipped().replace("label: {en: Module, de: Modul}", "label: {en: Module, dee: Modul}");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "dee: Modul") + ": fields[5].label.dee: unknown language (known: en, de)");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> SupportTemplateFile.parse("\n# nothing yet\n"))
                .hasMessage("support-template.yaml: the file is empty");
    }

    @Test
    void everyMistakeIsReportedAtOnceInTheOrderOfTheFile() {
        String yaml = shipped()
                .replaceFirst("required: true", "requried: true")
                .replaceFirst("required: false", "required: yes please")
                .replace("type: severity", "type: sevrity")
                .replace("blanks: [", "blank: [");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage(String.join("\n  ", "support-template.yaml has 4 problems:",
                        "support-template.yaml line " + lineOf(yaml, "requried: true") + ": fields[0].requried: unknown key (known: "
                                + "name, type, required, multiline, versions, confirmed, format, values, synonyms, levels, label, "
                                + "aliases, prompt, placeholders, hint)",
                        "support-template.yaml line " + lineOf(yaml, "required: yes please")
                                + ": fields[4].required: must be true or false, was 'yes please'",
                        "support-template.yaml line " + lineOf(yaml, "type: sevrity")
                                + ": fields[6].type: must be one of key, server, severity, choice, text, was 'sevrity'",
                        "support-template.yaml line " + lineOf(yaml, "blank: [")
                                + ": blank: unknown key (known: fields, placeholders, blanks, problems, languages)"));
    }

    @Test
    void aFieldWithoutNameOrTypeIsNamedAtItsFirstLine() {
        String yaml = shipped().replace("""
                  - name: trackId
                    type: text
                    required: false
                """, """
                  - required: false
                """);

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessageContaining("support-template.yaml line " + lineOf(yaml, "- required: false") + ": fields[7].name: is missing")
                .hasMessageContaining("support-template.yaml line " + lineOf(yaml, "- required: false")
                        + ": fields[7].type: is missing: it must be one of key, server, severity, choice, text");
    }

    @Test
    void aLabelUsedByTwoFieldsIsRefused() {
        String yaml = shipped().replace("aliases: [Sev, Priority, Priorität, Prio, Dringlichkeit]", "aliases: [Priority, Product]");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the label 'Product' belongs to both");
    }

    @Test
    void brokenYamlIsOneMessageWithItsLine() {
        assertThatThrownBy(() -> SupportTemplateFile.parse("fields:\n  - name: x\n    label: [\n  - name"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("support-template.yaml line 4: not valid YAML: expected the node content, but found '-'");
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        String yaml = shipped().replace("    type: key\n", "    type: key\n    type: text\n");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .hasMessage("support-template.yaml line " + lineOf(yaml, "type: text") + ": a key given twice: 'type'");
    }

    @Test
    void theFileOnDiskIsNamedWhereItIs(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve(SupportTemplateFile.NAME), shipped().replaceFirst("required: true", "requried: true"));

        assertThatThrownBy(() -> SupportTemplateFile.load(Folder.templates(home)))
                .hasMessageStartingWith(home.resolve(SupportTemplateFile.NAME) + " line ");
    }

    @Test
    void aChangedTemplateTakesEffectWithoutRecompiling() {
        String yaml = shipped().replace("values: [SLES, RHEL, DEBIAN, UCS]", "values: [SLES, RHEL, DEBIAN, UCS, UBUNTU]");
        SupportTemplate changed = SupportTemplateFile.parse(yaml);

        FilledForm form = new FormCheck(changed).check(new FormReader(changed).read("Distribution: ubuntu"));

        assertThat(form.values()).containsEntry("distribution", "UBUNTU");
    }

    private String shipped() {
        return folder.require(SupportTemplateFile.NAME);
    }

    /** The line of the file on which the text first appears, counted from 1. */
    static int lineOf(String yaml, String text) {
        int at = yaml.indexOf(text);
        assertThat(at).as("'%s' in the file", text).isNotNegative();
        return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private FilledForm check(String text) {
        return new FormCheck(template).check(new FormReader(template).read(text));
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return filled;
    }
}
