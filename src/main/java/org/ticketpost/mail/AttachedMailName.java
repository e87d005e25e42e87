package org.ticketpost.mail;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names an attached mail that came without a file name after its subject, as mail
 * programs show it ("Calendar is down.eml" rather than "attachment-2.eml"). It keeps the
 * first bytes of the attached mail as the sink reads them, so nothing is read twice.
 */
final class AttachedMailName extends KeptHead {

    private static final int HEAD = 16 * 1024;
    private static final int NAME_LIMIT = 100;
    private static final Pattern SUBJECT = Pattern.compile("(?im)^subject:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)");
    /** A subject may hold anything; folders and control characters have no place in a file name. */
    private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[\\\\/\\p{Cntrl}]+");

    AttachedMailName(InputStream attachedMail) {
        super(attachedMail, HEAD);
    }

    /** "Subject.eml", once the attached mail has been read; empty when it has no subject. */
    Optional<String> name(Charset rawCharset) {
        String text = new String(head(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n") >= 0 ? text.indexOf("\n\n") : text.indexOf("\r\n\r\n");
        Matcher subject = SUBJECT.matcher(end < 0 ? text : text.substring(0, end));
        if (!subject.find()) {
            return Optional.empty();
        }
        String raw = subject.group(1).replaceAll("\r?\n(?=[ \t])", "");
        String decoded = EncodedWords.decode(TextDecoding.raw(raw.getBytes(StandardCharsets.ISO_8859_1), rawCharset), rawCharset);
        String name = NOT_IN_FILE_NAMES.matcher(decoded).replaceAll(" ").replaceAll("\\s+", " ").strip();
        if (name.length() > NAME_LIMIT) {
            name = name.substring(0, NAME_LIMIT).strip();
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name + ".eml");
    }
}
