package dev.maestro.testsupport;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition, as the tests of {@code /metrics} need. */
public final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * The value of the sample {@code name} whose labels include every one of {@code labels}
     * (each {@code key="value"}). Labels may hold braces themselves (route templates), so a
     * sample's labels run to its last brace.
     */
    public static OptionalLong sample(String text, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)\\} ([0-9.eE+-]+)$").matcher(text);
        while (m.find()) {
            String found = m.group(1);
            if (List.of(labels).stream().allMatch(found::contains)) {
                return OptionalLong.of((long) Double.parseDouble(m.group(2)));
            }
        }
        return OptionalLong.empty();
    }
}
