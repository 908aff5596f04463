/**
 * The monitor step (KernelCI's {@code monitor} service): a message-driven bean that logs one
 * line per node event, so that the pipeline's view of the event feed is visible in the log.
 */
package dev.maestro.pipeline.monitor;
