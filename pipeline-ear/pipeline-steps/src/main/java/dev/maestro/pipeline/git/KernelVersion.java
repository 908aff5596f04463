package dev.maestro.pipeline.git;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a kernel tree declares at the top of its Makefile ({@code VERSION},
 * {@code PATCHLEVEL}, {@code SUBLEVEL}, {@code EXTRAVERSION}, {@code NAME}).
 *
 * @param sublevel empty when the Makefile leaves it blank
 */
public record KernelVersion(int version, int patchlevel, Optional<Integer> sublevel, String extra, String name) {
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION|NAME)\\s*[:?]?=[ \\t]*(.*?)\\s*$");

    /**
     * Reads the first assignment of each variable; empty unless VERSION and PATCHLEVEL are
     * present and numeric (a Makefile that is not a kernel's, or a damaged one).
     */
    public static Optional<KernelVersion> fromMakefile(String makefile) {
        Map<String, String> values = new LinkedHashMap<>();
        makefile.lines().forEach(line -> {
            Matcher m = ASSIGNMENT.matcher(line);
            if (m.matches()) {
                values.putIfAbsent(m.group(1), m.group(2));
            }
        });
        Optional<Integer> version = number(values.get("VERSION"));
        Optional<Integer> patchlevel = number(values.get("PATCHLEVEL"));
        if (version.isEmpty() || patchlevel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KernelVersion(version.get(), patchlevel.get(), number(values.get("SUBLEVEL")),
                values.getOrDefault("EXTRAVERSION", ""), values.getOrDefault("NAME", "")));
    }

    /** The {@code data.kernel_revision.version} object of a node (numbers as numbers). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("version", version);
        map.put("patchlevel", patchlevel);
        sublevel.ifPresent(s -> map.put("sublevel", s));
        map.put("extra", extra);
        map.put("name", name);
        return map;
    }

    private static Optional<Integer> number(String text) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(text));
    }
}
