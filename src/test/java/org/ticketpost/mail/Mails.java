package org.ticketpost.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.ticketpost.intake.AttachmentSink;
import org.ticketpost.intake.InboundMail;
import org.ticketpost.intake.UnreadableMailException;

/** Decodes test mails: written out in the test, or loaded from src/test/resources/mails/. */
final class Mails {

    private Mails() {
    }

    /** A mail written in the test; non-ASCII characters become raw UTF-8 bytes. */
    static InboundMail decode(String message) {
        return decode(message.getBytes(StandardCharsets.UTF_8));
    }

    static InboundMail decode(byte[] message) {
        try {
            return new MimeDecoder().parse(new ByteArrayInputStream(message), AttachmentSink.COUNTING);
        } catch (UnreadableMailException e) {
            throw new AssertionError("expected a readable mail, got: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture from src/test/resources/mails/. */
    static InboundMail load(String name) {
        return decode(bytes(name));
    }

    static byte[] bytes(String name) {
        try (InputStream in = Mails.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mails/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts one after the other: a header written in the test and a body in some charset. */
    static byte[] join(byte[]... parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    /** A text in ISO-8859-1, for mails whose raw bytes are not UTF-8. */
    static byte[] latin1(String message) {
        return message.getBytes(StandardCharsets.ISO_8859_1);
    }
}
