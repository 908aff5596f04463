/**
 * What operators watch of the pipeline: its MicroProfile Health readiness (Redis and every
 * consumer group this instance consumes in) and its metrics for consumer groups (lag, deliveries,
 * failures, dead letters). Reads the resource adapter's counters ({@code ra.stream}), the
 * groups' checkpoints and the channels' last sequences in MongoDB, and Redis.
 */
package dev.maestro.pipeline.observability;
