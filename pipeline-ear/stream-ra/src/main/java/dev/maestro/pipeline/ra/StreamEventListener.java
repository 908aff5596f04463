package dev.maestro.pipeline.ra;

/**
 * The message listener of the Redis stream adapter: a message-driven bean implementing it gets
 * each event of its channel once per consumer group, at least once. Returning normally
 * acknowledges the event; throwing leaves it pending, so it is delivered again (with a higher
 * {@link EventDelivery#deliveryCount()}) until it succeeds or goes to the dead-letter stream.
 */
public interface StreamEventListener {

    void onEvent(EventDelivery delivery);
}
