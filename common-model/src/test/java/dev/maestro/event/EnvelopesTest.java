package dev.maestro.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
    private static final Instant TIME = Instant.parse("2026-12-07T10:30:00.123Z");
    private final Envelopes envelopes = new Envelopes(CloudEventSettings.KERNELCI);

    /** Data of every JSON kind, with what a writer must escape, and a closing brace inside a string. */
    private static Map<String, Object> awkwardData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("op", "created");
        data.put("name", "quote \" backslash \\ brace } newline \n tab \t ü ✓ 🙂 \u0001");
        data.put("count", 42);
        data.put("big", 9_007_199_254_740_993L);
        data.put("ratio", 0.1);
        data.put("flags", List.of(true, false));
        data.put("nothing", null);
        data.put("nested", Map.of("path", List.of("checkout", "kbuild"), "empty", Map.of()));
        data.put("list", new ArrayList<>(Arrays.asList(1, "two", null)));
        return data;
    }

    @Test
    void aStoredEventsEnvelopeIsTheCloudEventWithItsSequenceLast() {
        String envelope = envelopes.event(TIME, "admin", awkwardData(), Map.of("kind", "test", "subject", "s"), 1234);
        Map<String, Object> read = Json.readMap(envelope);
        assertThat(read).containsEntry("specversion", "1.0").containsEntry("owner", "admin").containsEntry("kind", "test")
                .containsEntry("subject", "s").containsEntry("datacontenttype", "application/json")
                .containsEntry("time", "2026-12-07T10:30:00.123Z").containsEntry("_sequence_id", 1234);
        assertThat(read.get("data")).isEqualTo(Json.readMap(Json.write(awkwardData())));
        assertThat(List.copyOf(read.keySet())).last().isEqualTo("_sequence_id");
    }

    /**
     * The envelope is written once, by the CloudEvents format, and must be exactly what the API's
     * own JSON writer gives for it, as when the envelope was parsed and written again.
     */
    @Test
    void theSequenceIsReadBackFromAStoredEventsEnvelopeOnly() {
        assertThat(Envelopes.sequenceOf(envelopes.event(TIME, "admin", awkwardData(), Map.of(), 1234))).hasValue(1234);
        assertThat(Envelopes.sequenceOf(envelopes.event(TIME, null, "text", Map.of(), Long.MAX_VALUE))).hasValue(Long.MAX_VALUE);
        assertThat(Envelopes.sequenceOf(envelopes.plain(TIME, awkwardData(), Map.of()))).isEmpty();
        assertThat(Envelopes.sequenceOf(envelopes.keepAlive())).isEmpty();
        assertThat(Envelopes.sequenceOf("{\"a\":1,\"_sequence_id\":99999999999999999999}")).isEmpty();
    }

    @Test
    void envelopesAreTheBytesTheApisJsonWriterGivesForThem() {
        for (String envelope : List.of(envelopes.event(TIME, "admin", awkwardData(), Map.of(), 7),
                envelopes.event(TIME, null, "text", Map.of("id", "fixed", "source", "https://example.org/x"), Long.MAX_VALUE),
                envelopes.plain(TIME, awkwardData(), Map.of()), envelopes.keepAlive())) {
            assertThat(Json.write(Json.readMap(envelope))).isEqualTo(envelope);
        }
    }
}
