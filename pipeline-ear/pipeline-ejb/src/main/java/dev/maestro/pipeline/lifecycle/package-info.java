/**
 * The node lifecycle timer: a non-persistent interval timer on every pipeline instance that runs
 * each {@link dev.maestro.pipeline.lifecycle.LifecycleRule} (timeout, holdoff, closing) and
 * counts ticks and transitions. Rules move nodes only through common-model's compare-and-set
 * write path, so several instances may tick at once.
 */
package dev.maestro.pipeline.lifecycle;
