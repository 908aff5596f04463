package dev.maestro.store.migration;

import dev.maestro.event.EventLog;
import dev.maestro.event.subscription.SubscriptionStore;
import dev.maestro.node.NodeStore;
import dev.maestro.telemetry.TelemetryStore;
import dev.maestro.user.GroupStore;
import dev.maestro.user.UserStore;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every migration of Maestro EE's database, in order. To change the schema, add a migration at
 * the end with the next number; never edit or renumber a released one.
 */
public final class Migrations {
    /** The version recorded with each migration this code applies. */
    public static final String CODE_VERSION = "0.1.0";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    /**
     * The migrations; {@code eventRetention} is the TTL of the event history
     * ({@code EVENT_HISTORY_TTL_SECONDS}), {@code telemetryRetention} that of telemetry
     * ({@code TELEMETRY_TTL_SECONDS}).
     */
    public static List<Migration> all(Duration eventRetention, Duration telemetryRetention) {
        return List.of(
                new Migration(1, "indexes (replacing KernelCI's conflicting ones)", db -> {
                    List<String> dropped = KernelciIndexes.dropConflicting(db);
                    if (!dropped.isEmpty()) {
                        LOG.info("Dropped KernelCI indexes that conflict with Maestro EE's: " + dropped);
                    }
                    new UserStore(db).createIndexes();
                    new GroupStore(db).createIndexes();
                    EventLog.createIndexes(db, eventRetention);
                    NodeStore.createIndexes(db);
                    new SubscriptionStore(db).createIndexes(eventRetention);
                }),
                new Migration(2, "event sequences continue after the stored history", db -> {
                    List<String> moved = EventLog.continueSequencesAfterHistory(db);
                    if (!moved.isEmpty()) {
                        LOG.info("Event sequences continue after the stored history on channels " + moved);
                    }
                }),
                new Migration(3, "KernelCI documents given the fields Maestro EE queries on", KernelciDocuments::adopt),
                new Migration(4, "telemetry indexes", db -> {
                    List<String> dropped = KernelciIndexes.dropTelemetryTtl(db);
                    if (!dropped.isEmpty()) {
                        LOG.info("Dropped KernelCI's telemetry expiry index (Maestro EE's is ts_ttl): " + dropped);
                    }
                    TelemetryStore.createIndexes(db, telemetryRetention);
                }),
                new Migration(5, "working sets for the periodic work: unfinished nodes and the event outbox", db -> {
                    NodeStore.createIndexes(db);
                    int unfinished = NodeStore.trackUnfinished(db);
                    int unstreamed = EventLog.moveMarksToOutbox(db);
                    LOG.info("Working sets filled: " + unfinished + " unfinished node(s), " + unstreamed + " event(s) waiting for their stream");
                }),
                new Migration(6, "pipeline step checkpoints kept per channel and group", db -> {
                    int rekeyed = StepCheckpoints.keyByChannel(db);
                    LOG.info("Step checkpoints kept per channel and group: " + rekeyed + " re-keyed");
                }));
    }
}
