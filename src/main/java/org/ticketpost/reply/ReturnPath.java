package org.ticketpost.reply;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The envelope sender (Return-Path) of Ticketpost's mails: where mail servers send their bounces.
 * With {token} in its local part, every mail gets an address of its own (VERP), such as
 * support+bounce-k3j9x2m4q8wzab7c@example.com, so that a bounce delivered there names the mail it
 * is about, however the bounce is written. The token is random: only who got the mail knows it.
 * Without {token}, every mail has that one address, and a bounce is known by the mail it returns.
 */
public final class ReturnPath {

    public static final String TOKEN = "{token}";
    /** 16 letters of 32: 80 random bits. */
    private static final int TOKEN_LENGTH = 16;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern TOKEN_TEXT = Pattern.compile("[a-z2-7]{" + TOKEN_LENGTH + "}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\\[\\]\\\\,;:\"]+@[^@\\s<>()\\[\\]\\\\,;:\"]+");
    /** RFC 5321: a local part is at most 64 octets. */
    private static final int LOCAL_PART_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String format;
    private final String prefix;
    private final String suffix;

    private ReturnPath(String format) {
        this.format = format;
        int token = format.indexOf(TOKEN);
        this.prefix = token < 0 ? format : format.substring(0, token);
        this.suffix = token < 0 ? "" : format.substring(token + TOKEN.length());
    }

    /**
     * @param format an address, with {token} at most once in its local part
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static ReturnPath of(String format) {
        String lower = format.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String withToken = lower.replace(TOKEN, "a".repeat(TOKEN_LENGTH));
        if (!ADDRESS.matcher(withToken).matches()) {
            throw new IllegalArgumentException("must be an e-mail address, with " + TOKEN + " in it for an address per mail, was '"
                    + format + "'");
        }
        if (lower.indexOf(TOKEN) != lower.lastIndexOf(TOKEN) || lower.indexOf(TOKEN) > at) {
            throw new IllegalArgumentException(TOKEN + " may stand once, before the @, was '" + format + "'");
        }
        if (withToken.lastIndexOf('@') > LOCAL_PART_LENGTH) {
            throw new IllegalArgumentException("its part before the @ must be at most " + LOCAL_PART_LENGTH
                    + " characters with the token's " + TOKEN_LENGTH + ", was '" + format + "'");
        }
        return new ReturnPath(lower);
    }

    /** support@example.com bounces to support+bounce-{token}@example.com: most mail servers deliver that to support. */
    public static ReturnPath derivedFrom(String address) {
        int at = address.lastIndexOf('@');
        return of(address.substring(0, at) + "+bounce-" + TOKEN + address.substring(at));
    }

    /** The envelope sender for a new mail: an address of its own when the format has a token. */
    public String newAddress() {
        if (!isPerMail()) {
            return format;
        }
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return prefix + token + suffix;
    }

    /** Whether this is the address of one mail, as {@link #newAddress()} makes them; the shared address is not. */
    public boolean namesOneMail(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return isPerMail() && lower.length() == prefix.length() + TOKEN_LENGTH + suffix.length()
                && lower.startsWith(prefix) && lower.endsWith(suffix)
                && TOKEN_TEXT.matcher(lower.substring(prefix.length(), prefix.length() + TOKEN_LENGTH)).matches();
    }

    public boolean isPerMail() {
        return format.contains(TOKEN);
    }

    public String format() {
        return format;
    }

    @Override
    public String toString() {
        return format;
    }
}
