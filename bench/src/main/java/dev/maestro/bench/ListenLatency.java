package dev.maestro.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Write → {@code /listen} delivery latency: one subscriber long-polls a channel while one writer
 * writes events to it, one at a time; each event's latency runs from the start of its write
 * request to the moment the listener has its {@code /listen} answer. The first events warm the
 * server up and are not counted. Prints median, p90, p99 and max, and the write's own latency.
 *
 * <p>Arguments: the project directory (to find the launcher), then the number of events
 * (default 500). Against a running server: {@code MAESTRO_URL}, {@code MAESTRO_USER},
 * {@code MAESTRO_PASSWORD}.
 */
public final class ListenLatency {
    private static final int WARM_UP = 50;
    private static final long DELIVERY_TIMEOUT_SECONDS = 60;

    private ListenLatency() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String url = System.getenv("MAESTRO_URL");
        if (url != null) {
            run(Api.login(url, System.getenv().getOrDefault("MAESTRO_USER", "admin"), System.getenv("MAESTRO_PASSWORD")), events);
        } else {
            try (ThrowawayServer server = ThrowawayServer.start(home)) {
                run(Api.login(server.url(), "admin", server.password()), events);
            }
        }
    }

    /**
     * The write under measurement. It is a {@code /publish} until node writes exist; then it
     * becomes a {@code PATCH /node} (whose event the listener receives) and only this changes.
     */
    private static void write(Api api, String channel, int n) {
        api.publish(channel, Map.of("n", n));
    }

    private static void run(Api api, int events) throws InterruptedException {
        String channel = "bench-" + UUID.randomUUID();
        int subscription = api.subscribe(channel);
        BlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
        AtomicBoolean measuring = new AtomicBoolean(true);
        Thread listener = new Thread(() -> listen(api, subscription, arrivals, measuring), "listener");
        listener.setDaemon(true);
        listener.start();
        List<Long> delivery = new ArrayList<>();
        List<Long> writes = new ArrayList<>();
        for (int n = 0; n < WARM_UP + events; n++) {
            long start = System.nanoTime();
            write(api, channel, n);
            long written = System.nanoTime();
            long[] arrival = arrivals.poll(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (arrival == null || arrival[0] != n) {
                throw new IllegalStateException("Event " + n + " was not delivered in order within "
                        + DELIVERY_TIMEOUT_SECONDS + " s (got " + (arrival == null ? "nothing" : "#" + arrival[0]) + ")");
            }
            if (n >= WARM_UP) {
                delivery.add(arrival[1] - start);
                writes.add(written - start);
            }
        }
        measuring.set(false);
        api.unsubscribe(subscription);
        print(events, delivery, writes);
    }

    private static void listen(Api api, int subscription, BlockingQueue<long[]> arrivals, AtomicBoolean measuring) {
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
            if (envelope.get("data") instanceof Map<?, ?> data) {
                arrivals.add(new long[] {((Number) data.get("n")).longValue(), at});
            }
        }
    }

    private static void print(int events, List<Long> delivery, List<Long> writes) {
        Collections.sort(delivery);
        Collections.sort(writes);
        System.out.printf("write → /listen delivery latency, %d events (after %d warm-up), one writer, one listener:%n",
                events, WARM_UP);
        System.out.printf("  median %8.2f ms%n", percentile(delivery, 50));
        System.out.printf("  p90    %8.2f ms%n", percentile(delivery, 90));
        System.out.printf("  p99    %8.2f ms%n", percentile(delivery, 99));
        System.out.printf("  max    %8.2f ms%n", percentile(delivery, 100));
        System.out.printf("the write alone (POST /publish): median %.2f ms, p99 %.2f ms%n", percentile(writes, 50),
                percentile(writes, 99));
    }

    /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
    private static double percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
