/**
 * Wires common-model's plain services into the pipeline's CDI container: the core's
 * {@code SharedSettings} (the keys the pipeline shares with the API, such as {@code MONGO_SERVICE}
 * and {@code REDIS_HOST}, read once from MicroProfile Config), the connections made from them,
 * and the one node write path, so that pipeline steps write nodes as the API does.
 */
package dev.maestro.pipeline.wiring;
