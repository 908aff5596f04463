package dev.maestro.pipeline.lava;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of a suite's results as LAVA lists them: its name, LAVA's result ({@code pass},
 * {@code fail}, {@code skip}, {@code unknown}) and metadata ({@code set} groups cases; the
 * {@code lava} suite's {@code job} entry carries {@code error_type}/{@code error_msg}).
 */
public record LavaTestCase(String name, String result, Map<String, Object> metadata) {

    /** The test set the case belongs to, if any. */
    public Optional<String> set() {
        return metadata.get("set") instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    public Optional<String> metadataText(String key) {
        Object value = metadata.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }
}
