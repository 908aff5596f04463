/**
 * {@code GET /events}: KernelCI's event-history filters (KernelCI spec §6.7) turned into one
 * MongoDB query over the event log. Depends on {@code dev.maestro.event} only.
 */
package dev.maestro.event.query;
