package dev.maestro.pipeline.patchwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The webhook's signature and the RFC payload it carries: what is accepted, what is refused and why. */
class WebhookPayloadTest {
    private static final String RFC_BODY = """
            {"event": "series-completed",
             "series": {"id": 41, "name": "toy: three changes", "web_url": "https://pw.example.org/project/toy/list/?series=41"},
             "submitter": {"id": 1, "url": "https://pw.example.org/api/people/1/", "name": "Ann Author", "email": "ann@example.org"},
             "patches": [
               {"id": 501, "hash": "abc", "web_url": "https://pw.example.org/patch/501/", "date": "2026-12-01T10:00:00",
                "mbox": "https://pw.example.org/patch/501/mbox/"},
               {"patchwork_id": "502", "mbox": "https://pw.example.org/patch/502/mbox/"}
             ]}
            """;

    @Test
    void theSignatureIsTheBodysHmacUnderTheSecret() {
        byte[] body = RFC_BODY.getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.sign("hook-secret", body);

        assertThat(header).startsWith("sha256=").hasSize(7 + 64);
        assertThat(WebhookSignature.matches("hook-secret", body, header)).isTrue();
        assertThat(WebhookSignature.matches("hook-secret", body, header.toUpperCase().replace("SHA256", "sha256"))).isTrue();
        assertThat(WebhookSignature.matches("other-secret", body, header)).isFalse();
        assertThat(WebhookSignature.matches("hook-secret", (RFC_BODY + " ").getBytes(StandardCharsets.UTF_8), header)).isFalse();
        assertThat(WebhookSignature.matches("hook-secret", body, null)).isFalse();
    }

    @Test
    void theRfcPayloadGivesTheSeries() {
        WebhookPayload payload = WebhookPayload.parse(RFC_BODY.getBytes(StandardCharsets.UTF_8));

        assertThat(payload.seriesId()).contains(41L);
        assertThat(payload.name()).isEqualTo("toy: three changes");
        assertThat(payload.submitter()).isEqualTo(new Submitter("Ann Author", "ann@example.org"));
        assertThat(payload.patches()).extracting(SeriesPatch::id).containsExactly(501L, 502L);
        assertThat(payload.patches().get(1).mbox()).isEqualTo(URI.create("https://pw.example.org/patch/502/mbox/"));
        assertThat(payload.deliveryKey()).isEqualTo("series:41");
    }

    @Test
    void withoutASeriesTheSamePatchesGiveTheSameDeliveryKey() {
        String body = RFC_BODY.replaceAll("\"series\": \\{[^}]*},", "");
        WebhookPayload once = WebhookPayload.parse(body.getBytes(StandardCharsets.UTF_8));
        WebhookPayload again = WebhookPayload.parse(body.replace("\"hash\": \"abc\", ", "").getBytes(StandardCharsets.UTF_8));

        assertThat(once.seriesId()).isEqualTo(Optional.empty());
        assertThat(once.deliveryKey()).startsWith("patches:").isEqualTo(again.deliveryKey());
        assertThat(once.name()).isEqualTo("patch 1");
    }

    @Test
    void malformedPayloadsAreRefusedWithTheirReason() {
        assertRefused("not json", "the body is not JSON");
        assertRefused("[1]", "the body: an object is required");
        assertRefused("{\"submitter\": {\"email\": \"a@b\"}}", "patches: a non-empty list is required");
        assertRefused("{\"patches\": [], \"submitter\": {\"email\": \"a@b\"}}", "patches: a non-empty list is required");
        assertRefused(RFC_BODY.replace("\"id\": 501", "\"id\": -1"), "patches[0].id: a positive integer is required");
        assertRefused(RFC_BODY.replace("https://pw.example.org/patch/502/mbox/", "file:///etc/passwd"),
                "patches[1].mbox: 'file:///etc/passwd' is not an http(s) URL");
        assertRefused(RFC_BODY.replace("\"ann@example.org\"", "\"nobody\""), "submitter.email: an e-mail address is required");
        assertRefused(RFC_BODY.replace("\"id\": 41", "\"id\": \"x\""), "series.id: a positive integer is required");
        StringBuilder many = new StringBuilder("{\"submitter\": {\"email\": \"a@b\"}, \"patches\": [");
        for (int i = 1; i <= 33; i++) {
            many.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"mbox\": \"https://pw/p/").append(i).append("\"}");
        }
        assertRefused(many.append("]}").toString(), "patches: at most 32 patches, found 33");
    }

    private static void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> WebhookPayload.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WebhookPayloadException.class).hasMessageContaining(reason);
    }
}
