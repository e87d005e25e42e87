package org.ticketpost.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test mails: the fixtures under src/test/resources/mails/, with ${name} slots filled, so
 * that one request can be sent with another Message-ID, sender or subject.
 */
public final class Mails {

    private static final Path FOLDER = Path.of("src/test/resources/mails");

    private Mails() {
    }

    public static String load(String name) {
        try {
            return Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String load(String name, Map<String, String> values) {
        String mail = load(name);
        for (Map.Entry<String, String> value : values.entrySet()) {
            mail = mail.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (mail.contains("${")) {
            throw new IllegalArgumentException(name + " has a slot without a value: " + mail.substring(mail.indexOf("${")));
        }
        return mail;
    }
}
