/**
 * What the pipeline integration tests run against and with: the real backends started before
 * Payara Micro boots, an HTTP client for the pipeline, the event publisher and stream queries, a
 * second Payara Micro process, and polling with deadlines.
 */
package dev.maestro.pipeline.it.support;
