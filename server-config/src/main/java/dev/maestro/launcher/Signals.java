package dev.maestro.launcher;

import sun.misc.Signal;

/**
 * SIGINT and SIGTERM end the launcher through {@link System#exit}, which runs the shutdown hook
 * that stops the server and the embedded services. SIGINT is handled explicitly because a
 * launcher started in the background by a non-interactive shell inherits SIGINT as ignored, and
 * the JVM then leaves it ignored.
 */
final class Signals {
    private Signals() {
    }

    static void exitOnInterruptOrTerminate() {
        Signal.handle(new Signal("INT"), s -> System.exit(130));
        Signal.handle(new Signal("TERM"), s -> System.exit(143));
    }
}
