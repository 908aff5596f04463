package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.List;

/**
 * A branch of a tree that the trigger watches.
 *
 * @param pollPeriod    how often the trigger asks the remote for the branch head
 * @param architectures copied into new checkouts as {@code data.architecture_filter} (empty: no filter)
 */
public record BuildConfig(String name, String tree, String branch, Duration pollPeriod, List<String> architectures) {
}
