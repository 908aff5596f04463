package dev.maestro.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of the server's JVM: the launcher's defaults, then the operator's
 * ({@code MAESTRO_JAVA_OPTS}), which win because the JVM takes the last of repeated options.
 */
final class ServerJvmOptions {
    /**
     * G1 (the JVM's choice on this kind of machine, kept for request throughput) that hands memory
     * back when idle: a concurrent cycle after 30 s without any collection, after which the heap
     * keeps at most 30 % free. Measured with ./maestro start (RAR + API + pipeline): idle RSS 798 MB
     * with -Xmx1g alone (G1 keeps what start-up made it commit), 509 MB 50 s after ready and
     * 439 MB after 140 s with these. Under load G1 sizes the heap as before, up to -Xmx1g.
     */
    static final List<String> DEFAULTS = List.of("-Xmx1g", "-XX:G1PeriodicGCInterval=30000",
            "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");

    private ServerJvmOptions() {
    }

    static List<String> of(List<String> operators) {
        List<String> options = new ArrayList<>(DEFAULTS);
        options.addAll(operators);
        return options;
    }
}
