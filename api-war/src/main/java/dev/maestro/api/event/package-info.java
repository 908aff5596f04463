/**
 * Pub/sub and the event history over HTTP: subscribe, listen (long poll), unsubscribe, publish,
 * subscription stats and {@code GET /events}. Thin resources over {@code dev.maestro.event}.
 */
package dev.maestro.api.event;
