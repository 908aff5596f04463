package dev.maestro.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The node kinds a job can create, as KernelCI names them. */
public enum JobKind {
    /** Builds something from the checkout's tarball. */
    KBUILD,
    /** A test suite; its cases become child {@code test} nodes. */
    JOB,
    /** A single result. */
    TEST,
    /** Post-processing. */
    PROCESS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JobKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
