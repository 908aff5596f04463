package dev.maestro.pipeline.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping whose keys are checked against the ones its section allows. */
final class YamlMapping {
    private final YamlValue owner;
    private final Map<String, YamlValue> entries;

    private YamlMapping(YamlValue owner, Map<String, YamlValue> entries) {
        this.owner = owner;
        this.entries = entries;
    }

    /** Reads {@code value} as a mapping (null counts as empty) and reports every key not in {@code allowed}. */
    static Optional<YamlMapping> of(YamlValue value, List<String> allowed) {
        if (value.isNull()) {
            return Optional.of(new YamlMapping(value, Map.of()));
        }
        return value.mapping().map(entries -> {
            Map<String, YamlValue> known = new LinkedHashMap<>();
            entries.forEach((k, v) -> {
                if (allowed.contains(k)) {
                    known.put(k, v);
                } else {
                    v.problemAtKey("unknown key '" + k + "' (expected one of: " + String.join(", ", allowed) + ")");
                }
            });
            return new YamlMapping(value, known);
        });
    }

    YamlValue owner() {
        return owner;
    }

    Map<String, YamlValue> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The value of {@code key}; absent when missing or written as null. */
    Optional<YamlValue> optional(String key) {
        return Optional.ofNullable(entries.get(key)).filter(v -> !v.isNull());
    }

    /** The value of {@code key}, or a problem reported at the mapping when it is missing. */
    Optional<YamlValue> required(String key) {
        Optional<YamlValue> value = optional(key);
        if (value.isEmpty()) {
            owner.problem("missing required key '" + key + "'");
        }
        return value;
    }
}
