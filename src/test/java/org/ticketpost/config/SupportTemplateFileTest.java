package org.ticketpost.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        String yaml = """
                fields:
                  - name: severity
                    type: sevrity
                    label: {en: Severity}
                """;

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("severity: unknown type 'sevrity' (key, server, severity, choice or text)");
    }

    @Test
    void aLabelUsedByTwoFieldsIsRefused() {
        String yaml = folderYaml().replace("aliases: [Sev, Priority, Priorität, Prio, Dringlichkeit]", "aliases: [Priority, Product]");

        assertThatThrownBy(() -> SupportTemplateFile.parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the label 'Product' belongs to both");
    }

    @Test
    void brokenYamlIsReportedAsSuch() {
        assertThatThrownBy(() -> SupportTemplateFile.parse("fields: [\n  - name"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("support-template.yaml is not valid YAML");
    }

    @Test
    void aChangedTemplateTakesEffectWithoutRecompiling() {
        String yaml = folderYaml().replace("values: [SLES, RHEL, DEBIAN, UCS]", "values: [SLES, RHEL, DEBIAN, UCS, UBUNTU]");
        SupportTemplate changed = SupportTemplateFile.parse(yaml);

        FilledForm form = new FormCheck(changed).check(new FormReader(changed).read("Distribution: ubuntu"));

        assertThat(form.values()).containsEntry("distribution", "UBUNTU");
    }

    private String folderYaml() {
        return folder.require(SupportTemplateFile.NAME);
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
