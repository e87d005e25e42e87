package org.ticketpost.desk;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Engineers' passwords hashed with Argon2id, slow and memory-hard so that a stolen table is
 * costly to guess through, in the PHC string form ($argon2id$v=19$m=…,t=…,p=…$salt$hash) that
 * carries its own parameters: a hash made with weaker ones still verifies after they are raised.
 * The parameters are OWASP's smallest recommended for Argon2id (19 MiB, 2 passes, 1 lane).
 */
final class PasswordHash {

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");

    /**
     * What a password is checked against when there is no hash to check it against (an unknown
     * name, no password set): as costly as a real one, so the time taken tells nothing, and no
     * password matches its hash of zeros.
     */
    static final String NONE = encoded(MEMORY_KIB, ITERATIONS, PARALLELISM, new byte[SALT_BYTES], new byte[HASH_BYTES]);

    private PasswordHash() {
    }

    static String hash(char[] password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return encoded(MEMORY_KIB, ITERATIONS, PARALLELISM, salt,
                argon2id(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    /** In constant time for a given hash; false for a hash that is not of this form. */
    static boolean matches(char[] password, String encoded) {
        Matcher phc = PHC.matcher(encoded);
        if (!phc.matches()) {
            return false;
        }
        int memory = Integer.parseInt(phc.group(1));
        int iterations = Integer.parseInt(phc.group(2));
        int parallelism = Integer.parseInt(phc.group(3));
        byte[] salt = DECODER.decode(phc.group(4));
        byte[] expected = DECODER.decode(phc.group(5));
        if (memory < 8 * parallelism || memory > 1_048_576 || iterations < 1 || parallelism < 1) {   // at most 1 GiB
            return false;
        }
        byte[] actual = argon2id(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] argon2id(char[] password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);   // the password's UTF-8 bytes
        return out;
    }

    private static String encoded(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + memory + ",t=" + iterations + ",p=" + parallelism + "$" + ENCODER.encodeToString(salt) + "$"
                + ENCODER.encodeToString(hash);
    }
}
