package org.ticketpost.mail;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charset an HTML part names in its own meta element, for parts whose Content-Type names none. */
final class HtmlCharset {

    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final int PROLOGUE = 4096;

    private HtmlCharset() {
    }

    static Optional<String> declared(byte[] html, int length) {
        String prologue = new String(html, 0, Math.min(length, PROLOGUE), StandardCharsets.ISO_8859_1);
        Matcher charset = META_CHARSET.matcher(prologue);
        return charset.find() ? Optional.of(charset.group(1)) : Optional.empty();
    }
}
