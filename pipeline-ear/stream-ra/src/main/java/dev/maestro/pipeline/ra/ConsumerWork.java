package dev.maestro.pipeline.ra;

import dev.maestro.pipeline.ra.stream.StreamConsumer;
import jakarta.resource.spi.work.Work;

/** Runs one stream consumer on a thread of the server's work manager. */
final class ConsumerWork implements Work {
    private final StreamConsumer consumer;

    ConsumerWork(StreamConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void run() {
        consumer.run();
    }

    @Override
    public void release() {
        consumer.stop();
    }
}
