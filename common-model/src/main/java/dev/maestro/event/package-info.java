/**
 * Events: the durable event log ({@code eventhistory}, one increasing {@code sequence_id} per
 * channel; {@link dev.maestro.event.EventLog} writes it, {@link dev.maestro.event.EventHistory}
 * reads it, keeping each channel's latest events in {@link dev.maestro.event.RecentEvents}) and
 * its Redis notifications (PUBLISH for live listeners, XADD for the pipeline's consumer groups),
 * with CloudEvents 1.0 envelopes ({@link dev.maestro.event.Envelopes}). The node write path and
 * {@code /publish} append here; nothing else writes events. Sub-packages hold what is built on
 * the log: subscriptions, publishing, queries, work queues. Depends on {@code error},
 * {@code json}, {@code store} and {@code time}.
 */
package dev.maestro.event;
