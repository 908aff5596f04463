/**
 * The scheduler step: matches each node event against the configured scheduler entries (on the
 * transition into the filtered state only) and launches the matching jobs under the node; and
 * does the same for requests on the {@code retry} channel, which run jobs again.
 */
package dev.maestro.pipeline.scheduler;
