/**
 * The stream consumer behind the adapter, free of JCA: reading a Redis stream through a
 * consumer group, acknowledging after a successful delivery, retrying failures, reclaiming the
 * entries of stopped consumers, dead-lettering, reconnecting, and counting all of it. It depends
 * only on Jedis, org.json and {@link dev.maestro.pipeline.ra.EventDelivery}.
 */
package dev.maestro.pipeline.ra.stream;
