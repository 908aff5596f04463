/**
 * Subscriptions and {@code /listen}: each subscription is a cursor over one channel's event log,
 * kept in MongoDB so that any API instance, before or after a restart, serves it. Redis
 * notifications only wake waiting listeners early; what is delivered is always read from the
 * history, in sequence order, and claimed by a compare-and-set on the stored position, so what an
 * instance remembers (a subscription as it left it, the sequence a notification announced) only
 * spares it reads. Depends on {@code dev.maestro.event}, {@code error}, {@code store}
 * and {@code time}.
 */
package dev.maestro.event.subscription;
