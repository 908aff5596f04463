package dev.maestro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the dashboard takes to render a big checkout's page: creates one checkout with
 * {@code builds} builds, each with one job holding its share of {@code tests} test nodes (one in
 * a hundred failing), submitted as one hierarchy, then fetches {@code /dashboard/checkout/{id}}
 * as a browser would, a few times to warm up and then {@value #ROUNDS} times measured. Prints
 * median and max of the full answer (request to last byte) and the page's size.
 *
 * <p>Arguments: the project directory, then the number of tests (default 5000). Against a
 * running server: {@code MAESTRO_URL}, {@code MAESTRO_USER}, {@code MAESTRO_PASSWORD}.
 */
public final class DashboardRender {
    private static final int BUILDS = 4;
    private static final int WARM_UP = 3;
    private static final int ROUNDS = 10;
    private static final double TARGET_SECONDS = 2.0;

    private DashboardRender() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        int tests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        String url = System.getenv("MAESTRO_URL");
        if (url != null) {
            run(Api.login(url, System.getenv().getOrDefault("MAESTRO_USER", "admin"), System.getenv("MAESTRO_PASSWORD")), tests);
        } else {
            try (ThrowawayServer server = ThrowawayServer.start(home)) {
                run(Api.login(server.url(), "admin", server.password()), tests);
            }
        }
    }

    private static void run(Api api, int tests) {
        String group = "bench-dashboard-" + System.nanoTime();
        Map<String, Object> checkout = new LinkedHashMap<>(api.createNode(node("checkout", "checkout", group, null, Map.of(
                "kernel_revision", Map.of("tree", "bench", "url", "https://git.example.org/bench.git", "branch", "main",
                        "commit", "0123456789abcdef0123456789abcdef01234567", "describe", "v6.0-bench")))));
        checkout.put("state", "available");
        List<Object> builds = new ArrayList<>();
        for (int b = 0; b < BUILDS; b++) {
            List<Object> testNodes = new ArrayList<>();
            for (int t = b; t < tests; t += BUILDS) {
                String result = t % 100 == 7 ? "fail" : t % 10 == 3 ? "skip" : "pass";
                testNodes.add(tree(node("test", "test-" + t, group, result, Map.of()), List.of()));
            }
            Map<String, Object> job = node("job", "tests-" + b, group, "pass", Map.of());
            Map<String, Object> build = node("kbuild", "kbuild-" + b, group, "pass",
                    Map.of("arch", "x86_64", "defconfig", "defconfig", "compiler", "gcc-12"));
            builds.add(tree(build, List.of(tree(job, testNodes))));
        }
        long submitStart = System.nanoTime();
        api.submitHierarchy((String) checkout.get("id"), tree(checkout, builds));
        double submitSeconds = (System.nanoTime() - submitStart) / 1e9;

        String path = "/dashboard/checkout/" + checkout.get("id");
        int size = 0;
        for (int i = 0; i < WARM_UP; i++) {
            size = api.page(path).length();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            String page = api.page(path);
            times.add(System.nanoTime() - start);
            if (!page.contains(">test-7<")) {
                throw new IllegalStateException("The page does not show the failing test test-7");
            }
        }
        Collections.sort(times);
        double median = times.get(times.size() / 2) / 1e9;
        double max = times.get(times.size() - 1) / 1e9;
        System.out.printf("Dashboard checkout page, %d tests under %d builds (%d nodes submitted in %.1f s):%n",
                tests, BUILDS, tests + 2 * BUILDS, submitSeconds);
        System.out.printf("  render (GET, request to last byte), %d rounds after %d warm-up: median %.3f s, max %.3f s%n",
                ROUNDS, WARM_UP, median, max);
        System.out.printf("  page size %.1f MB; target under %.1f s: %s%n", size / 1e6, TARGET_SECONDS,
                max < TARGET_SECONDS ? "met" : "MISSED");
    }

    private static Map<String, Object> node(String kind, String name, String group, String result, Map<String, Object> data) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kind", kind);
        node.put("name", name);
        node.put("path", List.of(name));
        node.put("group", group);
        if (result != null) {
            node.put("state", "done");
            node.put("result", result);
        }
        node.put("data", data);
        return node;
    }

    private static Map<String, Object> tree(Map<String, Object> node, List<Object> children) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("node", node);
        tree.put("child_nodes", children);
        return tree;
    }
}
