package org.ticketpost.desk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An engineer's API token: 256 random bits, which no one guesses, so a fast hash keeps it as
 * well as a slow one would and lets a request find its engineer by the hash alone. The prefix
 * tells a token apart in a configuration file or a leaked log.
 */
final class ApiToken {

    static final String PREFIX = "tpe_";
    private static final int RANDOM_BYTES = 32;

    private ApiToken() {
    }

    static String issue(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token as typed, in hex: what is stored and looked up. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
