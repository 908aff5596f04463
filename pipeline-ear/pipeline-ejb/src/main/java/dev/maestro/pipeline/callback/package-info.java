/**
 * Results that labs send back: LAVA's notify callback for a job node, checked (the lab's callback
 * token, the node, the payload), claimed once in MongoDB so that a callback delivered twice, to
 * one instance or two, is stored once, then stored in the background: the serial log and the
 * callback as artifacts, and the job node closed with its results tree in one hierarchy write.
 * Depends on {@code lava} (the mapping), {@code config}, {@code settings}, {@code identity},
 * {@code storage} and {@code jobrun} (the job-result metrics).
 */
package dev.maestro.pipeline.callback;
