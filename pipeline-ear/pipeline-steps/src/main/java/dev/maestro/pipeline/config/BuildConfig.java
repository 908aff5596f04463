package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.List;

/**
 * A branch of a tree that the trigger watches.
 *
 * @param pollPeriod    how often the trigger asks the remote for the branch head
 * @param architectures copied into new checkouts as {@code data.architecture_filter} (empty: no filter)
 * @param holdoff       how long a checkout stays {@code available} after its tarball, so that
 *                      jobs can be added under it before it may close
 * @param timeout       how long a checkout and everything under it may take before it times out
 */
public record BuildConfig(String name, String tree, String branch, Duration pollPeriod, List<String> architectures,
                          Duration holdoff, Duration timeout) {
}
