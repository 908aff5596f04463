/**
 * Wires common-model's plain services into the pipeline's CDI container from MicroProfile
 * Config, with the same variable names as the API ({@code MONGO_SERVICE}, {@code REDIS_HOST}…),
 * so that pipeline steps write nodes through the one write path like the API does.
 */
package dev.maestro.pipeline.wiring;
