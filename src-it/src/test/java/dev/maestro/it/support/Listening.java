package dev.maestro.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A KernelCI-style consumer of {@code /listen}: long-polls a subscription, skips keep-alives
 * ({@code "data": "BEEP"}) as KernelCI's client does, and returns the envelopes.
 */
public final class Listening {
    private Listening() {
    }

    /** The next {@code count} events of the subscription, failing the test if they do not come in time. */
    public static List<Map<String, Object>> events(ApiClient client, int subscription, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < count) {
            assertThat(Instant.now()).as("%d of %d events received in time", out.size(), count).isBefore(deadline);
            Map<String, Object> envelope = envelope(listenOk(client, subscription));
            if (!isKeepAlive(envelope)) {
                out.add(envelope);
            }
        }
        return out;
    }

    /** One {@code /listen} that must answer 200. */
    public static ApiResponse listenOk(ApiClient client, int subscription) {
        ApiResponse r = client.get("/latest/listen/" + subscription);
        assertThat(r.status()).as("listen %d: %s", subscription, r).isEqualTo(200);
        return r;
    }

    /** The envelope carried, as JSON text, in a listen message's {@code data}. */
    public static Map<String, Object> envelope(ApiResponse listenResponse) {
        return Json.readMap((String) listenResponse.map().get("data"));
    }

    public static boolean isKeepAlive(Map<String, Object> envelope) {
        return "BEEP".equals(envelope.get("data"));
    }

    public static long sequence(Map<String, Object> envelope) {
        return ((Number) envelope.get("_sequence_id")).longValue();
    }

    /** Subscribes and returns the subscription id. */
    public static int subscribe(ApiClient client, String channel, String query) {
        ApiResponse r = client.post("/latest/subscribe/" + channel + (query.isEmpty() ? "" : "?" + query), null);
        assertThat(r.status()).as("subscribe: %s", r).isEqualTo(200);
        return ((Number) r.map().get("id")).intValue();
    }

    /** Checks that events are exactly sequences {@code 1..n} of the channel, in order. */
    public static void assertContiguousFromOne(List<Map<String, Object>> events) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(sequence(events.get(i))).as("position %d", i).isEqualTo(i + 1L);
        }
    }
}
