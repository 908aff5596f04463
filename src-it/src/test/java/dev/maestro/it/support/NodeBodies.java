package dev.maestro.it.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for node tests: mutable maps, so a test can tweak one field. */
public final class NodeBodies {
    private NodeBodies() {
    }

    /** A valid checkout in {@code group} (tests count and query by their unique group). */
    public static Map<String, Object> checkout(String name, String group) {
        Map<String, Object> revision = map(
                "tree", "mainline",
                "url", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
                "branch", "master",
                "commit", "2a987e65025e2b79c6d453b78cb5985ac6e5eb26",
                "describe", "v5.16-rc4-31-g2a987e65025e");
        return map("kind", "checkout", "name", name, "path", list("checkout"), "group", group,
                "data", map("kernel_revision", revision));
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }
}
