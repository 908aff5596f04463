/** {@code /push} and {@code /pop}: work queues of envelopes, each item to one consumer. Thin over {@code dev.maestro.event.queue}. */
package dev.maestro.api.queue;
