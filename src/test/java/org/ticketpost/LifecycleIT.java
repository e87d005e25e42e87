package org.ticketpost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ticketpost.testing.Jar;
import org.ticketpost.testing.LifecycleMain;

/** SIGTERM, as systemd or `docker stop` sends it, lets the running parts finish and stop. */
class LifecycleIT {

    @Test
    void sigtermStopsThePartsBeforeTheProcessEnds(@TempDir Path folder) throws Exception {
        Path stopped = folder.resolve("stopped");
        String classPath = Path.of("target/test-classes") + java.io.File.pathSeparator + Jar.path();
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, LifecycleMain.class.getName(), stopped.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("started");

            process.destroy();   // SIGTERM

            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("ended within 10 s").isTrue();
            assertThat(stopped).as("the part finished its work before the process ended").hasContent("stopped");
        } finally {
            process.destroyForcibly();
        }
    }
}
