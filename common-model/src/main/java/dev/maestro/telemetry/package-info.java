/**
 * KernelCI's telemetry: events about jobs and runtimes (results, infrastructure errors,
 * submissions) in the {@code telemetry} collection, with their validation, paged queries, group-by
 * counts and the anomaly report. Depends on {@code store}, {@code time} and {@code error}.
 */
package dev.maestro.telemetry;
