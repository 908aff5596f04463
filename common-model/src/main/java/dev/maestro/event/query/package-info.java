/**
 * {@code GET /events}: KernelCI's event-history filters (KernelCI spec §6.7) turned into one
 * MongoDB query over the event log. Depends on {@code dev.maestro.event}, the shared
 * {@code error}, {@code store} and {@code time}, and {@code node.query}'s operator names (the same
 * {@code __re} suffix as node queries); the nodes that {@code recursive} attaches come
 * through a lookup the caller gives, not from the node package.
 */
package dev.maestro.event.query;
