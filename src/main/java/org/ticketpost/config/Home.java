package org.ticketpost.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder every relative path starts from: config/, templates/ and data/ are in it. It never
 * follows the working directory by accident, so that a mail server's pipe, started somewhere
 * else, finds the same database as the operator. It is TICKETPOST_HOME where that is set; else
 * the folder holding ticketpost.jar, or the one above it (a build's target/), when it has
 * config/; else the working directory when that has config/.
 */
public final class Home {

    public static final String VARIABLE = "TICKETPOST_HOME";

    private final Path path;

    private Home(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    /**
     * @param jar        the jar Ticketpost runs from, if it runs from one
     * @param workingDir the folder the command was started in
     * @throws ConfigException when TICKETPOST_HOME is not a folder, or no folder holds config/
     */
    public static Home find(Map<String, String> env, Optional<Path> jar, Path workingDir) {
        String named = env.get(VARIABLE);
        if (named != null && !named.isBlank()) {
            Path home = workingDir.resolve(named.strip());
            if (!Files.isDirectory(home)) {
                throw new ConfigException(VARIABLE + " is " + home + ", which is not a folder");
            }
            return new Home(home);
        }
        List<Path> candidates = new ArrayList<>();
        jar.map(Path::toAbsolutePath).map(Path::getParent).ifPresent(folder -> {
            candidates.add(folder);
            if (folder.getParent() != null) {
                candidates.add(folder.getParent());
            }
        });
        candidates.add(workingDir);
        return candidates.stream().filter(folder -> Files.isDirectory(folder.resolve("config"))).findFirst().map(Home::new)
                .orElseThrow(() -> new ConfigException("no folder holds config/ (looked in " + candidates.stream()
                        .map(Path::toString).distinct().reduce((a, b) -> a + ", " + b).orElse("") + "): set " + VARIABLE
                        + " to the folder for config/, templates/ and data/"));
    }

    public Path path() {
        return path;
    }

    /** A path from the configuration: a relative one is taken from the home folder. */
    public Path resolve(String configured) {
        return path.resolve(configured).normalize();
    }
}
