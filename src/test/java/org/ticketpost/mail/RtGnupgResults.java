package org.ticketpost.mail;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RT's gnupg-emails/README: every message N-....txt has the subject "Test Email ID:N",
 * and its top entity contains "ID:N", which can be read unless it is encrypted.
 */
final class RtGnupgResults implements ExpectedResults {

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)-.*\\.txt");

    @Override
    public Optional<Expected> of(CorpusMessage message) {
        Matcher numbered = NUMBERED.matcher(message.file().getFileName().toString());
        if (!message.name().startsWith("rt/gnupg-emails/") || !numbered.matches()) {
            return Optional.empty();
        }
        String id = "ID:" + numbered.group(1);
        Expected expected = Expected.NOTHING.withSubject("Test Email " + id);
        return Optional.of(message.name().contains("encrypted") ? expected : expected.withBody(id, false));
    }
}
