/**
 * What the pipeline integration tests run against and with: the backends (test-support's, with
 * a Redis that keeps its data across restarts), an HTTP client for the pipeline, the event
 * publisher and stream queries (a second instance is test-support's {@code SecondServer}).
 */
package dev.maestro.pipeline.it.support;
