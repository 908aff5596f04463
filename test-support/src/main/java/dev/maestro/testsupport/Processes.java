package dev.maestro.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the server processes a test started itself. */
public final class Processes {
    private Processes() {
    }

    /** SIGTERM, so that it shuts down cleanly; SIGKILL if it is still alive after {@code patience}. */
    public static void stop(Process process, Duration patience) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
