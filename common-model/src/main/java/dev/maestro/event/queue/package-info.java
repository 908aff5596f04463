/**
 * {@code /push} and {@code /pop}: named work queues of CloudEvents envelopes in Redis lists, each
 * item taken by exactly one consumer. Not part of the event log. Depends on
 * {@code dev.maestro.event} for envelopes, {@code error} and {@code json}.
 */
package dev.maestro.event.queue;
