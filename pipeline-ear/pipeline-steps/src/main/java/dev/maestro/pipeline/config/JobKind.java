package dev.maestro.pipeline.config;

/** The node kinds a job can create, as KernelCI names them. */
public enum JobKind implements WireNamed {
    /** Builds something from the checkout's tarball. */
    KBUILD,
    /** A test suite; its cases become child {@code test} nodes. */
    JOB,
    /** A single result. */
    TEST,
    /** Post-processing. */
    PROCESS
}
