package dev.maestro.pipeline.sweep;

import dev.maestro.store.Lease;
import dev.maestro.store.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * One lease per sweep in {@code sweep_leases}: the instance holding it runs the sweep, the others
 * stand by and take over once it has not been renewed for three periods (its holder stopped or
 * died). A sweep is still safe if two instances run it at once during a take-over: every write it
 * makes is a compare-and-set; the lease only keeps the others from repeating its reads.
 */
@ApplicationScoped
public class SweepLeases {
    static final String COLLECTION = "sweep_leases";
    private static final Logger LOG = Logger.getLogger(SweepLeases.class.getName());
    private static final int PERIODS_BEFORE_TAKE_OVER = 3;

    /** Unique per process, whatever MAESTRO_INSTANCE_ID says: two holders must never share a name. */
    private final String holder = hostName() + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();

    @Inject
    MongoConnection mongo;

    /** Whether this instance runs {@code sweep} on this tick; called by the sweep's timer every {@code period}. */
    public boolean mine(String sweep, Duration period) {
        Lease lease = leases.computeIfAbsent(sweep, name -> new Lease(mongo.database(), COLLECTION, name, holder,
                period.multipliedBy(PERIODS_BEFORE_TAKE_OVER), Clock.systemUTC()));
        boolean mine = lease.holdOrTake();
        Boolean before = held.put(sweep, mine);
        if (before == null || before != mine) {
            LOG.info(mine ? "This instance (" + holder + ") now runs the " + sweep + " sweep"
                    : "Another instance runs the " + sweep + " sweep; this one (" + holder + ") stands by");
        }
        return mine;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
