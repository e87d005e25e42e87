package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** `ticketpost check` on a file that is no readable mail: exit code 65 and one line on stderr, never a stack trace. */
class CheckUnreadableIT {

    @TempDir
    Path folder;

    static Stream<Arguments> unreadable() {
        byte[] noise = new byte[64 * 1024];
        new Random(17).nextBytes(noise);
        byte[] outlook = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0, outlook, 0, 8);
        byte[] hugeHeader = ("From: jane@example.com\nX-Junk: " + "a".repeat(MimeDecoder.HEADER_LIMIT + 1) + "\n\nHello\n")
                .getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("empty", new byte[0], "the file is empty"),
                Arguments.of("random bytes", noise, "binary data"),
                Arguments.of("Outlook .msg", outlook, "Outlook .msg"),
                Arguments.of("text", "Hello support,\n\nthe calendar is down.\n".getBytes(StandardCharsets.US_ASCII), "no header section"),
                Arguments.of("huge header", hugeHeader, "longer than 4 MB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void checkSaysWhyInOneLineAndExitsWith65(String kind, byte[] content, String reason) throws Exception {
        String jar = System.getProperty("ticketpost.jar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "ticketpost.jar is not built (run through mvn verify, which sets -Dticketpost.jar)");
        Path file = Files.write(folder.resolve("input.eml"), content);

        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "check", file.toString())
                .directory(folder.toFile())
                .redirectOutput(folder.resolve("stdout.txt").toFile())
                .redirectError(folder.resolve("stderr.txt").toFile())
                .start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("check finishes").isTrue();
        List<String> stderr = Files.readAllLines(folder.resolve("stderr.txt"));

        assertThat(check.exitValue()).isEqualTo(65);
        assertThat(stderr).singleElement().satisfies(line -> assertThat(line).contains("not a readable mail").contains(reason));
        assertThat(Files.readString(folder.resolve("stdout.txt"))).isEmpty();
    }
}
