package dev.maestro.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Commit → results latency of the pipeline: starts a throw-away Maestro EE with the shipped
 * example configuration on the toy tree (made faster where it only waits: the branch polled every
 * second, the checkout's holdoff 5 s, the build's 0), pushes commits one at a time, and times
 * each through the API from the push to: the checkout created (trigger), available with its
 * tarball, the build available with its program, and every node done (kver, kbuild-tiny and
 * tiny-tests with its three tests, then holdoff and closing). The first commit warms the server
 * up and is not counted. Prints median and max per stage.
 *
 * <p>Arguments: the project directory, then the number of commits (default 5).
 */
public final class PipelineTrace {
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> STAGES = List.of("checkout created", "checkout available", "build available", "all done");
    /** The checkout, kver, kbuild-tiny, tiny-tests and its three tests. */
    private static final int NODES_PER_COMMIT = 7;

    private PipelineTrace() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path data = Files.createTempDirectory("maestro-bench");
        Path tree = data.resolve("toy-linux.git");
        Path work = data.resolve("toy-work");
        run(data, "sh", home.resolve("server-config/src/main/config/make-toy-tree.sh").toString(), tree.toString());
        run(data, "git", "clone", "--quiet", tree.toString(), work.toString());
        Path config = data.resolve("pipeline.yaml");
        Files.writeString(config, faster(Files.readString(home.resolve("server-config/src/main/config/pipeline.yaml"))));
        Map<String, String> settings = Map.of("MAESTRO_PIPELINE_CONFIG", config.toString(), "MAESTRO_LIFECYCLE_PERIOD", "1s");

        Map<String, List<Long>> figures = new LinkedHashMap<>();
        STAGES.forEach(stage -> figures.put(stage, new ArrayList<>()));
        try (ThrowawayServer server = ThrowawayServer.start(home, data, ThrowawayServer.freePort(), settings)) {
            Api api = Api.login(server.url(), "admin", server.password());
            for (int n = 0; n <= commits; n++) {
                long pushed = System.nanoTime();
                String commit = n == 0 ? head(work) : push(work, n);
                Map<String, Long> trace = trace(api, commit, pushed);
                if (n > 0) {
                    trace.forEach((stage, nanos) -> figures.get(stage).add(nanos));
                }
                System.out.printf("bench: commit %d (%s)%s: all done after %.1f s%n", n, commit.substring(0, 7),
                        n == 0 ? " (warm-up)" : "", trace.get("all done") / 1e9);
            }
        }
        System.out.printf("%nPipeline trace, %d commits, push → stage (seconds):%n", commits);
        figures.forEach((stage, values) -> {
            List<Long> sorted = values.stream().sorted().toList();
            System.out.printf("  %-20s median %6.2f   max %6.2f%n", stage, sorted.get(sorted.size() / 2) / 1e9,
                    sorted.get(sorted.size() - 1) / 1e9);
        });
    }

    /** The example as shipped, waiting less: these replacements must all apply. */
    private static String faster(String example) {
        String config = example.replace("poll_period: 30s", "poll_period: 1s\n    holdoff: 5s")
                .replace("holdoff_minutes: 1", "holdoff_minutes: 0");
        if (config.equals(example) || !config.contains("holdoff_minutes: 0")) {
            throw new IllegalStateException("The example configuration changed; adapt PipelineTrace.faster");
        }
        return config;
    }

    private static Map<String, Long> trace(Api api, String commit, long pushed) throws InterruptedException {
        Map<String, Long> reached = new LinkedHashMap<>();
        long deadline = System.nanoTime() + STAGE_TIMEOUT.toNanos();
        while (reached.size() < STAGES.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Commit " + commit + " reached only " + reached.keySet() + " within " + STAGE_TIMEOUT);
            }
            List<Map<?, ?>> checkouts = items(api, "/latest/nodes?kind=checkout&data.kernel_revision.commit=" + commit);
            if (!checkouts.isEmpty()) {
                Map<?, ?> checkout = checkouts.get(0);
                long now = System.nanoTime() - pushed;
                reached.putIfAbsent("checkout created", now);
                if (!"running".equals(checkout.get("state"))) {
                    reached.putIfAbsent("checkout available", now);
                }
                List<Map<?, ?>> builds = items(api, "/latest/nodes?kind=kbuild&parent=" + checkout.get("id"));
                if (!builds.isEmpty() && !"running".equals(builds.get(0).get("state"))) {
                    reached.putIfAbsent("build available", now);
                }
                if ("done".equals(checkout.get("state")) && allDone(api, (String) checkout.get("id"))) {
                    reached.putIfAbsent("all done", now);
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return reached;
    }

    /** Whether the checkout has its seven nodes and all are done (walked through {@code parent}). */
    private static boolean allDone(Api api, String checkoutId) {
        List<String> ids = new ArrayList<>(List.of(checkoutId));
        for (int i = 0; i < ids.size(); i++) {
            for (Map<?, ?> child : items(api, "/latest/nodes?limit=100&parent=" + ids.get(i))) {
                if (!"done".equals(child.get("state"))) {
                    return false;
                }
                ids.add((String) child.get("id"));
            }
        }
        return ids.size() == NODES_PER_COMMIT;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> items(Api api, String path) {
        return (List<Map<?, ?>>) ((Map<?, ?>) api.get(path)).get("items");
    }

    private static String push(Path work, int n) throws IOException, InterruptedException {
        Files.writeString(work.resolve("hello.c"), Files.readString(work.resolve("hello.c")) + "/* bench commit " + n + " */\n");
        run(work, "git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "--quiet", "-am", "bench " + n);
        run(work, "git", "push", "--quiet", "origin", "HEAD:main");
        return head(work);
    }

    private static String head(Path work) throws IOException, InterruptedException {
        return run(work, "git", "rev-parse", "HEAD").trim();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
