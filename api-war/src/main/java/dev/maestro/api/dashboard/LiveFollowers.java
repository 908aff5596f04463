package dev.maestro.api.dashboard;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Runs the followers of live pages, one managed thread each (they mostly sleep between reads
 * of the history), at most {@link #MAX} at once: a page opened beyond that is told so and stays
 * as rendered, which the browser retries like any dropped stream.
 */
@ApplicationScoped
public class LiveFollowers {
    static final int MAX = 64;
    private static final Logger LOG = Logger.getLogger(LiveFollowers.class.getName());

    private final AtomicInteger running = new AtomicInteger();

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    void follow(CheckoutFollower follower) {
        if (running.incrementAndGet() > MAX) {
            running.decrementAndGet();
            LOG.fine("Too many live dashboard pages; this one is not followed");
            follower.refuse();
            return;
        }
        threads.newThread(() -> {
            try {
                follower.run();
            } finally {
                running.decrementAndGet();
            }
        }).start();
    }
}
