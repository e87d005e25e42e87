package org.ticketpost.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command reads a mail with a 50 MB attachment in a 48 MB heap: it can
 * only succeed if neither the message nor the attachment is ever held in memory whole.
 */
class LargeAttachmentIT {

    private static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void checkReadsAFiftyMegabyteAttachmentInA48MegabyteHeap() throws Exception {
        String jar = System.getProperty("ticketpost.jar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "ticketpost.jar is not built (run through mvn verify, which sets -Dticketpost.jar)");
        Path mail = folder.resolve("big.eml");
        try (OutputStream out = Files.newOutputStream(mail)) {
            LargeMail.write(FIFTY_MEGABYTES, out);
        }
        assertThat(Files.size(mail)).isGreaterThan(FIFTY_MEGABYTES);

        Process check = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-jar", jar, "check", "--json", mail.toString())
                .directory(folder.toFile())
                .redirectError(folder.resolve("stderr.txt").toFile())
                .start();
        byte[] stdout = check.getInputStream().readAllBytes();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("check finishes").isTrue();
        String stderr = Files.readString(folder.resolve("stderr.txt"));

        assertThat(stderr).doesNotContain("OutOfMemoryError").doesNotContain("heap space");
        assertThat(check.exitValue()).as("exit code (1: read, but no support template in it); stderr: %s", stderr).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(new String(stdout, StandardCharsets.UTF_8));
        assertThat(report.path("subject").asText()).isEqualTo("Heap dump of the crashed server");
        assertThat(report.path("attachments")).hasSize(1);
        assertThat(report.path("attachments").get(0).path("name").asText()).isEqualTo(LargeMail.ATTACHMENT_NAME);
        assertThat(report.path("attachments").get(0).path("size").asLong()).isEqualTo(FIFTY_MEGABYTES);
    }
}
