package dev.maestro.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.util.Map;

/** The write whose events the delivery tests follow, in one place. */
public final class Writes {
    private Writes() {
    }

    /**
     * Update number {@code n} of writer {@code writer} on the channel. It is a {@code /publish}
     * until node writes exist; then it becomes a {@code PATCH /node} (whose event carries the
     * node payload) and only this method changes.
     */
    public static void update(ApiClient client, String channel, int writer, int n) {
        ApiResponse r = client.post("/latest/publish/" + channel, Map.of("data", Map.of("writer", writer, "n", n)));
        assertThat(r.status()).as("write: %s", r).isEqualTo(200);
    }
}
