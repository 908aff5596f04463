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

    /**
     * An API-only server on two CPUs gets a second C2 compiler thread (the JVM gives it one
     * there). A fresh server is put under load at once, and with one C2 thread sharing two CPUs
     * with the request threads, the database and the clients, its hot paths were still being
     * compiled 16 s into the side-by-side kit's POST scenario (a flight recording, 2026-12-07):
     * after a 5 s warm-up that scenario's server CPU per write was 0.95 ms, after 30 s 0.50 ms.
     * In four alternated pairs of the kit's target phase the second thread raised every scenario
     * (POST 1 678 a second on average against 1 559, GET node 7 544-8 679 against 4 995-7 557).
     * It costs start-up time, since it compiles start-up code too: the API alone was ready after
     * 15.7-15.8 s with it against 12.5-13.3 s without (28.3 against 21.4 s with both CPUs busy),
     * and the API with the pipeline after 20.1-22.1 s against 16.2-17.9 s, past the 20 s that
     * start should take. So only the API role, whose start leaves that room, gets it.
     */
    private static final String API_COMPILER_THREADS = "-XX:CICompilerCount=3";

    /** Naming two collectors stops the JVM, so an operator's choice replaces the launcher's. */
    private static final Pattern COLLECTOR_CHOICE = Pattern.compile("-XX:\\+Use\\w+GC");

    private ServerJvmOptions() {
    }

    static List<String> of(List<String> operators, int cpus, Role role) {
        List<String> options = new ArrayList<>();
        options.add(HEAP_LIMIT);
        if (cpus > 2) {
            options.addAll(MANY_CPUS_COLLECTOR);
        } else if (operators.stream().noneMatch(o -> COLLECTOR_CHOICE.matcher(o).matches())) {
            options.addAll(FEW_CPUS_COLLECTOR);
        }
        if (cpus == 2 && role == Role.API) {
            options.add(API_COMPILER_THREADS);
        }
        options.addAll(operators);
        return options;
    }
}
