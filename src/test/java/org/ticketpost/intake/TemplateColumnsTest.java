package org.ticketpost.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.Application;
import org.ticketpost.config.ConfigException;
import org.ticketpost.testing.Templates;

/** The support template is data, but the fields a ticket keeps in columns of their own keep their names. */
class TemplateColumnsTest {

    @TempDir
    Path folder;

    /** The project's templates/, with one line of the support template changed. */
    private Path templatesWith(String line, String changed) throws IOException {
        Path templates = folder.resolve("templates");
        try (Stream<Path> files = Files.walk(Templates.FOLDER)) {
            for (Path file : files.toList()) {
                Path copy = templates.resolve(Templates.FOLDER.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path yaml = templates.resolve("support-template.yaml");
        String text = Files.readString(yaml);
        if (!text.contains(line)) {
            throw new IllegalStateException("support-template.yaml has no line " + line);
        }
        Files.writeString(yaml, text.replace(line, changed));
        return templates;
    }

    @Test
    void aTemplateWhoseProductFieldWasRenamedIsRefusedAtStartNamingTheField() throws IOException {
        Path templates = templatesWith("  - name: product\n", "  - name: productName\n");

        assertThatThrownBy(() -> Application.configure(Map.of("TICKETPOST_TEMPLATES_DIR", templates.toString(),
                "TICKETPOST_STORAGE_DIR", folder.resolve("files").toString()), Clock.systemUTC()).close())
                .isInstanceOf(ConfigException.class)   // exit 78, and 75 for ingest, so that a mail server keeps the mail
                .hasMessageContaining("support-template.yaml")
                .hasMessageContaining("no field is named product:")
                .hasMessageContaining("a field may change its label and aliases but not its name");
    }
}
