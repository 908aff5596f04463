package dev.maestro.pipeline.ra.stream;

import dev.maestro.pipeline.ra.EventDelivery;

/** Where a consumer hands its events: a message-driven bean in the server. */
@FunctionalInterface
public interface DeliveryTarget {

    /** Returns normally when the event is handled; any exception means "not handled, try again". */
    void deliver(EventDelivery delivery) throws Exception;
}
