/**
 * The Patchwork bridge's EJB side: the per-project poll of completed series (its cursor and
 * series records in MongoDB, one instance per project at a time under a sweep lease), the
 * submission of each series as a patchset on its base checkout, and the checks posted back once
 * the patchset's summary is recorded. Depends on {@code patchwork} and {@code config} (steps),
 * {@code trigger} (base checkouts), {@code reporting} (summaries), {@code sweep} (leases) and
 * {@code settings}; the web module's webhook depends on it.
 */
package dev.maestro.pipeline.patchworkbridge;
