/**
 * What the pipeline's message-driven beans read from a delivery: a parsed view of the CloudEvents
 * envelope (a {@code node} channel event's data is then read by the core's
 * {@link dev.maestro.node.NodeEvent}, the record its writer uses, which
 * {@link dev.maestro.pipeline.delivery.NodeEventListener} does for the beans of that channel),
 * and the activation property names every bean gives the resource adapter
 * ({@link dev.maestro.pipeline.delivery.StreamActivation}). Read-only; the beans act through
 * common-model's services.
 */
package dev.maestro.pipeline.delivery;
