package dev.maestro.node.kind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * KernelCI's clients send {@code data.kernel_revision.version.{version,patchlevel,sublevel}} as
 * strings ({@code "6"}); the API stores them as integers. Digit strings become integers, for
 * every kind; anything else is left for the kind's schema to judge.
 */
public final class KernelVersions {
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d{1,9}\\s*");
    private static final String[] NUMBERS = {"version", "patchlevel", "sublevel"};

    private KernelVersions() {
    }

    /** A node's {@code data} with its version numbers translated (the same map when there is nothing to do). */
    public static Map<String, Object> translate(Map<String, Object> data) {
        if (!(data != null && data.get("kernel_revision") instanceof Map<?, ?> revision
                && revision.get("version") instanceof Map<?, ?> version)) {
            return data;
        }
        Map<String, Object> translated = null;
        for (String key : NUMBERS) {
            if (version.get(key) instanceof String s && INTEGER.matcher(s).matches()) {
                if (translated == null) {
                    translated = copy(version);
                }
                translated.put(key, Integer.parseInt(s.trim()));
            }
        }
        if (translated == null) {
            return data;
        }
        Map<String, Object> newRevision = copy(revision);
        newRevision.put("version", translated);
        Map<String, Object> newData = new LinkedHashMap<>(data);
        newData.put("kernel_revision", newRevision);
        return newData;
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
