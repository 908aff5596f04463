package dev.maestro.node;

import dev.maestro.user.GroupRef;
import dev.maestro.user.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nodes, request bodies and users for node tests. */
public final class TestNodes {
    private TestNodes() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid checkout body, as KernelCI's docs show it. */
    public static Map<String, Object> checkoutBody(String name) {
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("tree", "mainline");
        revision.put("url", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git");
        revision.put("branch", "master");
        revision.put("commit", "2a987e65025e2b79c6d453b78cb5985ac6e5eb26");
        revision.put("describe", "v5.16-rc4-31-g2a987e65025e");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "checkout");
        body.put("name", name);
        body.put("path", new ArrayList<>(List.of("checkout")));
        body.put("data", new LinkedHashMap<>(Map.of("kernel_revision", revision)));
        return body;
    }

    /** A minimal generic node draft. */
    public static Node draft(String kind, String name) {
        return Node.builder().kind(kind).name(name).path(List.of(name)).build();
    }

    public static User user(String name, String... groups) {
        return user(name, false, groups);
    }

    public static User user(String name, boolean superuser, String... groups) {
        List<GroupRef> refs = Arrays.stream(groups).map(g -> new GroupRef("0".repeat(24), g)).toList();
        return new User("0".repeat(24), name + "@example.org", name, "x", true, superuser, true, refs);
    }

    @SafeVarargs
    public static <T> List<T> list(T... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
