/**
 * What the pipeline's message-driven beans read from a delivery: a parsed view of the CloudEvents
 * envelope and, for the {@code node} channel, of the node change it announces. Read-only; the
 * beans act through common-model's services.
 */
package dev.maestro.pipeline.event;
