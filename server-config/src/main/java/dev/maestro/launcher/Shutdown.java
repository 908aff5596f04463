package dev.maestro.launcher;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops what a start has started so far, once: the server (SIGTERM, then killed if it has not
 * ended after a while: Payara's non-daemon threads can keep a failed server alive), the embedded
 * services, and the data directory's lock. Runs as the shutdown hook (Ctrl-C, SIGTERM, exit)
 * and when a start is refused half-way.
 */
final class Shutdown implements Runnable {
    private static final long GRACE_SECONDS = 20;

    private final AtomicBoolean started = new AtomicBoolean();
    volatile DataDirectoryLock lock;
    volatile EmbeddedBackends backends;
    volatile Process server;

    boolean started() {
        return started.get();
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        if (server != null && server.isAlive()) {
            System.out.println("maestro: stopping");
            server.destroy();
            try {
                if (!server.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (backends != null) {
            backends.close();
        }
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                System.err.println("maestro: could not remove the pid file: " + e.getMessage());
            }
        }
    }
}
