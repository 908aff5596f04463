package dev.maestro.event;

import dev.maestro.json.Json;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Builds the CloudEvents 1.0 structured-JSON envelopes clients receive: stored events (with
 * {@code owner} and {@code _sequence_id}), queue items, and the keep-alive that {@code /listen}
 * answers when nothing arrived ({@code "data": "BEEP"}, which KernelCI's client skips).
 * Attributes must have been checked with {@link EventAttributes} first.
 */
public final class Envelopes {
    /** The payload of a keep-alive envelope, as KernelCI sends it. */
    public static final String KEEP_ALIVE_DATA = "BEEP";
    /** How a stored event's envelope ends, before its sequence and closing brace. */
    private static final String SEQUENCE_MEMBER = ",\"_sequence_id\":";
    /** Thread-safe once built; building one makes an object mapper, too dear for every event. */
    private static final JsonFormat FORMAT = new JsonFormat();

    private final CloudEventSettings settings;

    public Envelopes(CloudEventSettings settings) {
        this.settings = settings;
    }

    /**
     * The envelope of a stored event: its channel position travels as {@code _sequence_id}, the
     * last member. It is added to the serialized envelope rather than to a parsed copy of it:
     * parsing the envelope back into a map and writing it again was about 6 % of a node write's
     * CPU, for the same bytes (an object's JSON ends with its closing brace).
     */
    public String event(Instant time, String owner, Object data, Map<String, String> attributes, long sequence) {
        String envelope = build(time, owner, data, attributes);
        return envelope.substring(0, envelope.lastIndexOf('}')) + SEQUENCE_MEMBER + sequence + "}";
    }

    /**
     * The sequence that {@link #event} put at the end of an envelope, read without parsing it;
     * empty for any other text (a plain envelope, a message someone else published).
     */
    public static OptionalLong sequenceOf(String envelope) {
        int member = envelope.lastIndexOf(SEQUENCE_MEMBER);
        if (member < 0) {
            return OptionalLong.empty();
        }
        int start = member + SEQUENCE_MEMBER.length();
        int end = start;
        while (end < envelope.length() && Character.isDigit(envelope.charAt(end))) {
            end++;
        }
        try {
            return OptionalLong.of(Long.parseLong(envelope, start, end, 10));
        } catch (NumberFormatException noneOrTooLong) {
            return OptionalLong.empty();
        }
    }

    /** An envelope that belongs to no channel position (queue items). */
    public String plain(Instant time, Object data, Map<String, String> attributes) {
        return build(time, null, data, attributes);
    }

    public String keepAlive() {
        return plain(Instant.now(), KEEP_ALIVE_DATA, Map.of());
    }

    private String build(Instant time, String owner, Object data, Map<String, String> attributes) {
        CloudEventBuilder b = CloudEventBuilder.v1()
                .withId(attributes.getOrDefault("id", UUID.randomUUID().toString()))
                .withSource(URI.create(attributes.getOrDefault("source", settings.source())))
                .withType(attributes.getOrDefault("type", settings.type()))
                .withTime(attributes.containsKey("time")
                        ? EventAttributes.time(attributes.get("time")).atOffset(ZoneOffset.UTC)
                        : time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(Json.write(data).getBytes(StandardCharsets.UTF_8));
        attributes.forEach((name, value) -> {
            if (name.equals("subject")) {
                b.withSubject(value);
            } else if (!EventAttributes.CORE.contains(name)) {
                b.withExtension(name, value);
            }
        });
        if (owner != null && !owner.isEmpty()) {
            b.withExtension("owner", owner);
        }
        return new String(FORMAT.serialize(b.build()), StandardCharsets.UTF_8);
    }
}
