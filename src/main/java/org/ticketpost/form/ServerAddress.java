package org.ticketpost.form;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accepts the URL or the host name of a machine, as customers give it. */
final class ServerAddress {

    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]+]");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ServerAddress() {
    }

    /** The address as written, without the angle brackets mail programs put around URLs. */
    static Optional<String> read(String text) {
        String value = text.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        String[] words = SPACES.split(value, 2);
        if (words.length > 1 && !words[1].startsWith("(")) {
            return Optional.empty();   // "my server", "ox1 crashed": a sentence, not an address
        }
        String address = words[0];
        return isValid(address) ? Optional.of(address) : Optional.empty();
    }

    private static boolean isValid(String address) {
        if (SCHEME.matcher(address).matches()) {
            try {
                URI uri = new URI(address);
                return uri.getHost() != null && isHost(uri.getHost());
            } catch (URISyntaxException e) {
                return false;
            }
        }
        int slash = address.indexOf('/');
        String host = slash < 0 ? address : address.substring(0, slash);
        if (IPV6.matcher(host).matches()) {
            return true;
        }
        return isHost(PORT.matcher(host).replaceFirst(""));
    }

    /** Letters, digits and inner hyphens, 1 to 63 of them (RFC 1123). */
    private static boolean isHostLabel(String name, int from, int to) {
        if (to - from < 1 || to - from > 63 || name.charAt(from) == '-' || name.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHost(String host) {
        if (IPV4.matcher(host).matches() || IPV6.matcher(host).matches()) {
            return true;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        int labelStart = 0;
        boolean lastAllDigits = true;
        for (int i = 0; i <= ascii.length(); i++) {
            if (i == ascii.length() || ascii.charAt(i) == '.') {
                if (!isHostLabel(ascii, labelStart, i)) {
                    return false;
                }
                lastAllDigits = true;
                for (int j = labelStart; j < i; j++) {
                    lastAllDigits &= Character.isDigit(ascii.charAt(j));
                }
                labelStart = i + 1;
            }
        }
        return !lastAllDigits;   // "10.1.2" is no host
    }
}
