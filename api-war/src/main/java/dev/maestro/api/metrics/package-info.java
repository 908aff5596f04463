/**
 * The API's figures: MicroProfile Metrics (served by the server at {@code /metrics} in
 * Prometheus form) for requests per route, node writes, published events and waiting
 * listeners, fed by the common-model services' listeners; and KernelCI's own counter document
 * at {@code /latest/metrics}. Depends on common-model's node and event services and on
 * MicroProfile Metrics.
 */
package dev.maestro.api.metrics;
