/**
 * The pipeline's HTTP boundary (JAX-RS under the pipeline's context root, {@code /pipeline}):
 * {@code /stats} and {@code /summary}, the service API in {@code service}, the inbound webhooks
 * ({@code /callback/lava/{id}}, LAVA's job callbacks; {@code /webhooks/patchwork}); artifact
 * storage is the servlet in {@code storage}. Thin resources over the EJB module and the
 * adapter's counters.
 */
package dev.maestro.pipeline.web;
