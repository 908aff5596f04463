package dev.maestro.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The event path under load: writers create nodes at a fixed offered rate (open loop, {@link
 * OpenLoop}) while subscribers long-poll {@code /listen} on channel {@code node}; each node's
 * event latency runs from the write's due time to the moment a subscriber has its {@code
 * /listen} answer. A warm-up at the same rate runs first and is not counted; each phase ends when
 * every subscriber has every event of it (or after {@link #DRAIN_SECONDS} more). Prints the
 * write rate reached, the delivered events/s, the latency percentiles (also counted from the
 * write's answer: what the event path adds) and the server's CPU per write.
 *
 * <p>Arguments: the project directory (to find the launcher), then writes/s (default 500),
 * measured seconds (20), writers (8), subscribers (4) and warm-up seconds (10; a fresh server's JIT
 * compilers take about a third of its CPU in the first minute). Against a running server: {@code
 * MAESTRO_URL}, {@code MAESTRO_USER}, {@code MAESTRO_PASSWORD}.
 */
public final class ListenLatency {
    private static final int DEFAULT_WARM_UP_SECONDS = 10;
    private static final int DRAIN_SECONDS = 60;
    private static final String CHANNEL = "node";

    private final Api api;
    private final double rate;
    private final int seconds;
    private final int writers;
    private final int subscribers;
    private final String prefix = "listen-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final int warmUpSeconds;
    private final int warmUp;
    private final OpenLoop writes;
    /** arrivals[s][n]: when subscriber s had node n's event (System.nanoTime), 0 before. */
    private final long[][] arrivals;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    private ListenLatency(Api api, double rate, int seconds, int writers, int subscribers, int warmUpSeconds) {
        this.api = api;
        this.rate = rate;
        this.seconds = seconds;
        this.writers = writers;
        this.subscribers = subscribers;
        this.warmUpSeconds = warmUpSeconds;
        this.warmUp = (int) Math.round(rate * warmUpSeconds);
        int total = warmUp + (int) Math.round(rate * seconds);
        this.writes = new OpenLoop(total);
        this.arrivals = new long[subscribers][total];
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int subscribers = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : DEFAULT_WARM_UP_SECONDS;
        String url = System.getenv("MAESTRO_URL");
        if (url != null) {
            Api api = Api.login(url, System.getenv().getOrDefault("MAESTRO_USER", "admin"), System.getenv("MAESTRO_PASSWORD"));
            new ListenLatency(api, rate, seconds, writers, subscribers, warmUp).run(null);
        } else {
            try (ThrowawayServer server = ThrowawayServer.start(home)) {
                new ListenLatency(Api.login(server.url(), "admin", server.password()), rate, seconds, writers, subscribers,
                        warmUp).run(server::cpuNanos);
            }
        }
    }

    /** {@code serverCpu}: the server's CPU time so far, or null when it is not ours to see. */
    private void run(LongSupplier serverCpu) throws Exception {
        String loadBefore = loadAverage();
        AtomicBoolean measuring = new AtomicBoolean(true);
        List<Integer> subscriptions = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            int subscriber = s;
            int subscription = api.subscribe(CHANNEL);
            subscriptions.add(subscription);
            Thread t = new Thread(() -> listen(subscriber, subscription, measuring), "subscriber-" + s);
            t.setDaemon(true);
            t.start();
        }
        System.out.printf("bench: warm-up, %d s at %.0f writes/s%n", warmUpSeconds, rate);
        phase(0, warmUp);
        long cpuBefore = serverCpu == null ? 0 : serverCpu.getAsLong();
        int measured = arrivals[0].length - warmUp;
        System.out.printf("bench: measuring, %d s at %.0f writes/s%n", seconds, rate);
        phase(warmUp, measured);
        long cpu = serverCpu == null ? -1 : serverCpu.getAsLong() - cpuBefore;
        measuring.set(false);
        for (int subscription : subscriptions) {
            api.unsubscribe(subscription);
        }
        print(measured, cpu, loadBefore);
    }

    /** Writes nodes {@code first..first+count-1} at the offered rate, then waits until they are delivered. */
    private void phase(int first, int count) throws InterruptedException {
        int deliveredBefore = delivered.get();
        writes.run(first, count, rate, writers, n -> api.createNode(Map.of("kind", "test", "name", prefix + n,
                "path", List.of(prefix + n))));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (delivered.get() < deliveredBefore + (long) count * subscribers && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void listen(int subscriber, int subscription, AtomicBoolean measuring) {
        while (true) {
            Map<?, ?> envelope;
            try {
                envelope = api.listen(subscription);
            } catch (RuntimeException e) {
                if (!measuring.get()) {
                    return; // unsubscribed, or the server stopped: the measurement is over
                }
                throw e;
            }
            long at = System.nanoTime();
            // Keep-alives carry a string; other nodes' events (a running server) another prefix.
            if (envelope.get("data") instanceof Map<?, ?> data && data.get("name") instanceof String name
                    && name.startsWith(prefix)) {
                int n = Integer.parseInt(name.substring(prefix.length()));
                if (arrivals[subscriber][n] != 0) {
                    duplicates.incrementAndGet();
                } else {
                    arrivals[subscriber][n] = at;
                    delivered.incrementAndGet();
                }
            }
        }
    }

    private void print(int measured, long serverCpu, String loadBefore) {
        int total = arrivals[0].length;
        long[] answers = new long[measured];
        long firstDue = Long.MAX_VALUE;
        long lastAnswer = 0;
        for (int n = warmUp; n < total; n++) {
            answers[n - warmUp] = writes.answered(n) - writes.due(n);
            firstDue = Math.min(firstDue, writes.due(n));
            lastAnswer = Math.max(lastAnswer, writes.answered(n));
        }
        long[] fromDue = new long[measured * subscribers];
        long[] fromAnswer = new long[measured * subscribers];
        int got = 0;
        long lastArrival = 0;
        for (long[] subscriber : arrivals) {
            for (int n = warmUp; n < total; n++) {
                if (subscriber[n] != 0) {
                    fromDue[got] = subscriber[n] - writes.due(n);
                    fromAnswer[got] = subscriber[n] - writes.answered(n);
                    lastArrival = Math.max(lastArrival, subscriber[n]);
                    got++;
                }
            }
        }
        long[] latency = Arrays.copyOf(fromDue, got);
        long[] afterAnswer = Arrays.copyOf(fromAnswer, got);
        Arrays.sort(answers);
        Arrays.sort(latency);
        Arrays.sort(afterAnswer);
        System.out.printf("%nevent path under load: %.0f writes/s offered (POST /latest/node, open loop, %d writers) for %d s"
                + " after %d s of warm-up; %d /listen subscribers on channel %s%n", rate, writers, seconds, warmUpSeconds,
                subscribers, CHANNEL);
        System.out.printf("  writes      %d, %.1f/s reached; answer (from due time) median %.2f ms, p99 %.2f ms;"
                + " %d sent > 2 ms late (all writers busy)%n", measured, measured / ((lastAnswer - firstDue) / 1e9),
                ms(answers, 50), ms(answers, 99), writes.late());
        System.out.printf("  delivered   %d of %d events, %.1f events/s; %d duplicates%n", got, measured * subscribers,
                got == 0 ? 0 : got / ((lastArrival - firstDue) / 1e9), duplicates.get());
        if (got > 0) {
            System.out.printf("  write → /listen latency, from the write's due time:  median %7.2f ms  p90 %7.2f ms"
                    + "  p99 %7.2f ms  max %7.2f ms%n", ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 100));
            System.out.printf("  after the write's answer (the event path alone):     median %7.2f ms  p90 %7.2f ms"
                    + "  p99 %7.2f ms%n", ms(afterAnswer, 50), ms(afterAnswer, 90), ms(afterAnswer, 99));
        }
        if (serverCpu >= 0) {
            System.out.printf("  server CPU  %.2f ms per write (the writes, their events and every /listen)%n",
                    serverCpu / 1e6 / measured);
        }
        System.out.printf("  machine     %d CPUs; load average %s before, %s after%n", Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAverage());
    }

    /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
    private static double ms(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
