/**
 * The JCA face of the Redis stream resource adapter: the listener interface that message-driven
 * beans implement, what one delivery carries, the activation spec (one consumer group per MDB)
 * and the adapter that runs one stream consumer per activated endpoint. Applications may depend
 * on {@link dev.maestro.pipeline.ra.StreamEventListener} and {@link dev.maestro.pipeline.ra.EventDelivery}
 * (provided by the deployed RAR); everything else is the adapter's own.
 */
package dev.maestro.pipeline.ra;
