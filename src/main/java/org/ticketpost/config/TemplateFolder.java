package org.ticketpost.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The templates/ folder: a file on disk wins, so that an operator's edits count; a file
 * not there comes from the copy packed into the jar.
 */
public final class TemplateFolder {

    private static final String PACKED = "ticketpost/templates/";

    private final Path folder;

    public TemplateFolder(Path folder) {
        this.folder = folder;
    }

    /** Where the files come from, for messages to the operator. */
    public String location() {
        return Files.isDirectory(folder) ? folder.toAbsolutePath().toString() : "the templates packed into ticketpost.jar";
    }

    public Optional<String> read(String name) {
        Path file = folder.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream packed = TemplateFolder.class.getClassLoader().getResourceAsStream(PACKED + name)) {
                return packed == null ? Optional.empty() : Optional.of(new String(packed.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name + " from " + location(), e);
        }
    }

    public String require(String name) {
        return read(name).orElseThrow(() -> new ConfigException(name + " is missing in " + location()));
    }
}
