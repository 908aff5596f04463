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
    /**
     * Machines with fewer CPUs than this get {@link #COMPILER_THREADS}; from 8 CPUs on the JVM
     * already chooses at least as many.
     */
    static final int FEW_CPUS = 8;
    /**
     * Three C2 compiler threads instead of the one the JVM chooses on 2–4 CPUs. Under load, the
     * one C2 thread competes with every request thread and compiles Payara's, Jersey's and the
     * MongoDB driver's large request-path methods (0.3–3 s each) one after the other: a fresh
     * server served GET /latest/node/{id} at about 1 ms of CPU a request for its first 60–70 s
     * of load (32 connections, 2 CPUs), then at 0.2–0.3 ms. With three (and the HTTP pool of
     * 16 threads set in http-listener.asadmin) it was at 0.65 ms after 40 s and 0.23 ms after 60 s.
     */
    static final String COMPILER_THREADS = "-XX:CICompilerCount=4";

    private ServerJvmOptions() {
    }

    static List<String> of(List<String> operators) {
        return of(operators, Runtime.getRuntime().availableProcessors());
    }

    static List<String> of(List<String> operators, int cpus) {
        List<String> options = new ArrayList<>(DEFAULTS);
        if (cpus < FEW_CPUS) {
            options.add(COMPILER_THREADS);
        }
        options.addAll(operators);
        return options;
    }
}
