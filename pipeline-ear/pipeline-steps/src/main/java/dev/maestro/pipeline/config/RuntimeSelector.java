package dev.maestro.pipeline.config;

import java.util.Optional;

/** How a scheduler entry picks its runtime: by {@code name}, or by {@code type} (the first runtime of that type). */
public record RuntimeSelector(Optional<String> name, Optional<LabType> type) {
}
