/**
 * Events: the durable event log ({@code eventhistory}, one increasing {@code sequence_id} per
 * channel) and its Redis notifications (PUBLISH for live listeners, XADD for the pipeline's
 * consumer groups), with CloudEvents 1.0 envelopes. The node write path and {@code /publish}
 * append here; nothing else writes events.
 */
package dev.maestro.event;
