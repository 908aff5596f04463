package dev.maestro.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast the pipeline's results stage keeps up with a burst of finished tests under one
 * checkout, on the default embedded database: starts a throw-away Maestro EE, creates a
 * checkout, posts finished tests under it from a few clients for a while (50 test names, one in
 * four failing) and follows the regression consumer group (its deliveries, from
 * {@code /metrics}) until it has handled them all; then waits for the checkout's summary to be
 * complete. The checkout is either running during the burst and set done after it (the usual
 * order), or done before it (results that reach the pipeline after their checkout ended, e.g. a
 * lab's late callbacks).
 */
public final class ResultsBurst {
    private static final String GROUP = "group=\"regression\"";
    private static final Duration POLL = Duration.ofSeconds(5);

    private ResultsBurst() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Duration giveUp = Duration.ofMinutes(args.length > 3 ? Integer.parseInt(args[3]) : 10);
        boolean doneFirst = args.length > 4 && switch (args[4]) {
            case "done" -> true;
            case "running" -> false;
            default -> throw new IllegalArgumentException("the checkout's state during the burst is running or done, not " + args[4]);
        };
        try (ThrowawayServer server = ThrowawayServer.start(home)) {
            Api api = Api.login(server.url(), "admin", server.password());
            Map<String, Object> revision = Map.of("tree", "mainline", "branch", "master", "url", "https://git.example/linux.git",
                    "commit", "0123456789abcdef0123456789abcdef01234567");
            Object checkout = api.createNode(Map.of("kind", "checkout", "name", "checkout", "path", List.of("checkout"),
                    "state", "running", "data", Map.of("kernel_revision", revision))).get("id");
            if (doneFirst) {
                api.patchNode(checkout, Map.of("state", "done"));
            }
            long handledBefore = sample(api, "maestro_consumer_deliveries").orElse(0);
            AtomicInteger posted = new AtomicInteger();
            double rate = Load.run(clients, Duration.ofSeconds(seconds), n -> {
                String name = "test-" + n % 50;
                api.createNode(Map.of("kind", "test", "name", name, "path", List.of("baseline", name), "parent", checkout,
                        "state", "done", "result", n % 4 == 0 ? "fail" : "pass",
                        "data", Map.of("kernel_revision", revision, "platform", "qemu", "arch", "x86_64")));
                posted.incrementAndGet();
            });
            System.out.printf("bench: posted %d finished tests in %d s (%.0f/s) from %d clients%n", posted.get(), seconds, rate, clients);
            long stopped = System.nanoTime();
            long handledAtStop = sample(api, "maestro_consumer_deliveries").orElse(0) - handledBefore;
            long handled = handledAtStop;
            while (handled < posted.get() && System.nanoTime() - stopped < giveUp.toNanos()) {
                Thread.sleep(POLL.toMillis());
                handled = sample(api, "maestro_consumer_deliveries").orElse(0) - handledBefore;
                System.out.printf("bench: +%3.0f s  regression step deliveries %d (the %d results, and the regressions they open)%n",
                        seconds(stopped), handled, posted.get());
            }
            double caughtUp = seconds(stopped);
            boolean complete = false;
            long done = System.nanoTime();
            if (handled >= posted.get()) {
                if (!doneFirst) {
                    api.patchNode(checkout, Map.of("state", "done"));
                }
                while (!complete && System.nanoTime() - done < giveUp.toNanos()) {
                    Thread.sleep(POLL.toMillis() / 5);
                    complete = Boolean.TRUE.equals(((Map<?, ?>) api.get("/pipeline/summary/" + checkout)).get("complete"));
                }
            }
            System.out.printf("%nresults burst on the embedded database (%d tests under one %s checkout):%n", posted.get(),
                    doneFirst ? "done" : "running");
            System.out.printf("  %-48s %8.0f%n", "POST /latest/node (finished test) req/s", rate);
            System.out.printf("  %-48s %8d%n", "regression step deliveries when posting stopped", handledAtStop);
            System.out.printf("  %-48s %8s%n", "every result handled, s after posting stopped",
                    handled >= posted.get() ? String.format("%.0f", caughtUp) : "not within " + giveUp.toMinutes() + " min");
            System.out.printf("  %-48s %8s%n", doneFirst ? "then to summary complete, s" : "then checkout done to summary complete, s",
                    complete ? String.format("%.1f", seconds(done)) : "-");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The regression group's value of a gauge in {@code /metrics}. */
    private static OptionalLong sample(Api api, String metric) {
        return api.text("/metrics").lines().filter(line -> line.startsWith(metric + "{") && line.contains(GROUP))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }
}
