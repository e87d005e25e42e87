package org.ticketpost.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Talon's X_reply_text beside X.eml: the reply once the quotation is stripped. Talon keeps
 * the signature there; Ticketpost drops it on purpose (it is part of no form field), so the
 * expected text is taken up to the "-- " line.
 */
final class TalonResults implements ExpectedResults {

    @Override
    public Optional<Expected> of(CorpusMessage message) throws IOException {
        String file = message.file().getFileName().toString();
        Path reply = message.file().resolveSibling(file.replaceFirst("\\.eml$", "") + "_reply_text");
        if (!message.source().equals("talon") || !Files.isRegularFile(reply)) {
            return Optional.empty();
        }
        String expected = Files.readString(reply, StandardCharsets.UTF_8).split("(?m)^-- ?$", 2)[0];
        return Optional.of(Expected.NOTHING.withOwnText(expected));
    }
}
