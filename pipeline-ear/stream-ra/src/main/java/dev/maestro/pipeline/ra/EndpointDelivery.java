package dev.maestro.pipeline.ra;

import dev.maestro.pipeline.ra.stream.DeliveryTarget;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;

/**
 * Hands one event to a message-driven bean through its endpoint factory, inside the
 * container's transaction when the bean's method is transacted. Whatever the bean (or the
 * container around it) throws reaches the consumer, which then does not acknowledge.
 */
final class EndpointDelivery implements DeliveryTarget {
    private static final Method ON_EVENT = onEventMethod();

    private final MessageEndpointFactory factory;

    EndpointDelivery(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    @Override
    public void deliver(EventDelivery delivery) throws Exception {
        MessageEndpoint endpoint = factory.createEndpoint(null);
        try {
            boolean transacted = factory.isDeliveryTransacted(ON_EVENT);
            if (transacted) {
                endpoint.beforeDelivery(ON_EVENT);
            }
            try {
                ((StreamEventListener) endpoint).onEvent(delivery);
            } finally {
                if (transacted) {
                    endpoint.afterDelivery();
                }
            }
        } finally {
            endpoint.release();
        }
    }

    private static Method onEventMethod() {
        try {
            return StreamEventListener.class.getMethod("onEvent", EventDelivery.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
