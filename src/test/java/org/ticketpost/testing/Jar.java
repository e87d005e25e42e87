package org.ticketpost.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged target/ticketpost.jar in its own JVM, as a user or a mail server would. */
public final class Jar {

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private Jar() {
    }

    public static Path path() {
        Path jar = Path.of(System.getProperty("ticketpost.jar", "target/ticketpost.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": integration tests run after `mvn package`");
        }
        return jar;
    }

    /**
     * @param stdin a file for standard input, or null for none
     */
    public static Run run(Map<String, String> env, Path stdin, String... args) throws IOException, InterruptedException {
        return run(List.of(), env, stdin, args);
    }

    /** @param jvmOptions options for the JVM, such as -XX:TieredStopAtLevel=1 */
    public static Run run(List<String> jvmOptions, Map<String, String> env, Path stdin, String... args)
            throws IOException, InterruptedException {
        return run(path(), null, jvmOptions, env, stdin, args);
    }

    /**
     * Runs a copy of the jar, as installed somewhere, from another working directory.
     *
     * @param workingDir the folder the command is started in, as a mail server's pipe starts it
     */
    public static Run runInstalled(Path jar, Path workingDir, Map<String, String> env, Path stdin, String... args)
            throws IOException, InterruptedException {
        return run(jar, workingDir, List.of(), env, stdin, args);
    }

    private static Run run(Path jar, Path workingDir, List<String> jvmOptions, Map<String, String> env, Path stdin,
            String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(jar, jvmOptions, args));
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        builder.environment().putAll(env);
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Path out = Files.createTempFile("ticketpost-out", ".txt");
        Path err = Files.createTempFile("ticketpost-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("ticketpost " + String.join(" ", args) + " did not finish within 120 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** The command line that runs the jar in a JVM of its own. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        return command(path(), jvmOptions, args);
    }

    private static List<String> command(Path jar, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts a command without waiting for it; its standard error is a pipe to read while it runs,
     * its standard output is dropped.
     *
     * @param stdin a file for standard input, or null for none
     */
    public static Process start(List<String> command, Map<String, String> env, Path stdin) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from((stdin == null ? Path.of("/dev/null") : stdin).toFile()));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }
}
