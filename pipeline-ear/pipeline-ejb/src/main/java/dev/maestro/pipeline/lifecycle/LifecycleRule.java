package dev.maestro.pipeline.lifecycle;

import java.time.Instant;

/**
 * One lifecycle rule (KernelCI's timeout, holdoff and closing modes), run on every tick of
 * {@link LifecycleTimer}. An implementation is a CDI bean (e.g. {@code @ApplicationScoped}) of
 * this module: adding a rule is adding that one class. It moves each due node with a
 * compare-and-set write, so that instances ticking at the same time move it once, and logs one
 * line per transition.
 */
public interface LifecycleRule {

    /** The kind of transition, as counted in {@code /stats} (e.g. {@code timeout}). */
    String kind();

    /** Moves the nodes that are due at {@code now}; returns how many it moved. */
    int apply(Instant now);
}
