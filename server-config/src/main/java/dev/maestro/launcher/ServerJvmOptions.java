package dev.maestro.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The options of the server's JVM: the launcher's defaults, then the operator's
 * ({@code MAESTRO_JAVA_OPTS}), which win because the JVM takes the last of repeated options.
 */
final class ServerJvmOptions {
    private static final String HEAP_LIMIT = "-Xmx1g";

    /**
     * On one or two CPUs, the serial collector with a young generation of 64 MiB and a heap that
     * starts at 128 MiB and grows as needed. G1's write barriers and concurrent threads cost more
     * CPU than its short pauses save when the server, its database and its clients share two
     * CPUs: in alternated runs of the side-by-side kit's target phase on the 2-core machine
     * (2026-12-07), G1 served 2 867-3 232 GET node, 1 610-1 656 GET nodes and 1 341-1 457 POST
     * req/s, the serial collector 3 174-3 748, 1 682-1 891 and 1 441-1 750, with lower GET p99s
     * (POST's moved with the database's stalls either way).
     * The live heap after start-up is about 60 MB and a young collection under that load takes
     * about 4.5 ms. The fixed young generation bounds what the server holds when idle (ready in
     * 14-16 s, 460 MB after a minute idle, where the JVM's default initial heap of a 64th of the
     * machine's memory gave 525 MB).
     */
    private static final List<String> FEW_CPUS_COLLECTOR = List.of("-XX:+UseSerialGC", "-Xms128m", "-Xmn64m");

    /**
     * On more CPUs, G1 (the JVM's choice there) that hands memory back when idle: a concurrent cycle
     * after 30 s without any collection, after which the heap keeps at most 30 % free. Measured
     * with ./maestro start (RAR + API + pipeline): idle RSS 798 MB with -Xmx1g alone (G1 keeps
     * what start-up made it commit), 509 MB 50 s after ready and 439 MB after 140 s with these.
     */
    private static final List<String> MANY_CPUS_COLLECTOR = List.of("-XX:G1PeriodicGCInterval=30000",
            "-XX:MaxHeapFreeRatio=30", "-XX:MinHeapFreeRatio=10");

    /** Naming two collectors stops the JVM, so an operator's choice replaces the launcher's. */
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:\\+Use\\w+GC");

    private ServerJvmOptions() {
    }

    static List<String> of(List<String> operators, int cpus) {
        List<String> options = new ArrayList<>();
        options.add(HEAP_LIMIT);
        if (cpus > 2) {
            options.addAll(MANY_CPUS_COLLECTOR);
        } else if (operators.stream().noneMatch(o -> COLLECTOR_CHOICE.matcher(o).matches())) {
            options.addAll(FEW_CPUS_COLLECTOR);
        }
        options.addAll(operators);
        return options;
    }
}
