package dev.maestro.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.maestro.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out. Parse failures become 422 validation errors, as FastAPI reports them. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises maps, lists, strings, numbers, booleans and null. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass().getName(), e);
        }
    }

    /**
     * As {@link #write}, straight to UTF-8: what a response body needs, without a string that the
     * server then encodes again.
     */
    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Parses any JSON value: object → LinkedHashMap, array → List, integers as the smallest of Integer/Long/BigInteger. */
    public static Object parse(String text) {
        if (text == null || text.isBlank()) {
            throw ValidationException.of("missing", "Field required", "body");
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("json_invalid", "JSON decode error: " + e.getOriginalMessage(), "body");
        }
    }

    /** Parses a JSON object body; anything else is a 422 naming the body. */
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) map;
            return cast;
        }
        throw ValidationException.of("model_attributes_type", "Input should be a valid dictionary or object", "body");
    }

    public static Map<String, Object> readMap(String text) {
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
