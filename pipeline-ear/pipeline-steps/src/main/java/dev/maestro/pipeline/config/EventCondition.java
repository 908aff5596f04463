package dev.maestro.pipeline.config;

import java.util.Map;

/**
 * The event a scheduler entry waits for: a channel and the values that the event's own fields
 * ({@code kind}, {@code name}, {@code state}, {@code result}, {@code op}, {@code group},
 * {@code owner}) must equal.
 */
public record EventCondition(String channel, Map<String, String> fields) {
}
