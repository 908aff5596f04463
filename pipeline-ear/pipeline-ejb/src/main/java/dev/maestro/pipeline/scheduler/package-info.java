/**
 * The scheduler step: matches each node event against the configured scheduler entries (on the
 * transition into the filtered state only) and launches the matching jobs under the node.
 */
package dev.maestro.pipeline.scheduler;
