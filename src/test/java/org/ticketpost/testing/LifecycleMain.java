package org.ticketpost.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ticketpost.Lifecycle;

/**
 * A process with one long-running part, for a test that ends it with SIGTERM: the part takes
 * half a second to finish the work in hand, then writes "stopped" to the file it is given.
 */
public final class LifecycleMain {

    private LifecycleMain() {
    }

    public static void main(String[] args) throws Exception {
        Path stopped = Path.of(args[0]);
        Lifecycle lifecycle = new Lifecycle().add("worker", () -> System.out.println("started"), () -> {
            Thread.sleep(500);
            Files.writeString(stopped, "stopped");
        });
        lifecycle.start();
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
