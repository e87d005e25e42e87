package org.ticketpost.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder of the installation, templates/ or config/: a file on disk wins, so that an
 * operator's edits count; a file not there comes from the copy packed into the jar.
 */
public final class Folder {

    private final Path path;
    private final String packed;

    private Folder(Path path, String packed) {
        this.path = path;
        this.packed = packed;
    }

    public static Folder templates(Path path) {
        return new Folder(path, "ticketpost/templates/");
    }

    public static Folder config(Path path) {
        return new Folder(path, "ticketpost/config/");
    }

    /** The folder on disk, for messages to the operator. */
    public String shown() {
        return path.toAbsolutePath().toString();
    }

    /** Where a file comes from, for messages to the operator. */
    public String location(String name) {
        Path file = path.resolve(name);
        return Files.isRegularFile(file) ? file.toString() : name + " packed into ticketpost.jar";
    }

    public Optional<String> read(String name) {
        Path file = path.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream copy = Folder.class.getClassLoader().getResourceAsStream(packed + name)) {
                return copy == null ? Optional.empty() : Optional.of(new String(copy.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location(name), e);
        }
    }

    public String require(String name) {
        return read(name).orElseThrow(() -> new ConfigException(name + " is missing in " + path.toAbsolutePath()));
    }
}
