package dev.maestro.store.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Applies the migrations a database has not had yet, in order, each once, and records each in
 * the {@code migrations} collection ({@code _id} = number, {@code name}, {@code applied_at},
 * {@code version} of the code that applied it). Instances starting together serialise on a
 * {@link MigrationLease}; the one that waited finds the work done. A database holding a
 * migration this code does not know refuses to be used ({@link DatabaseNewerException}).
 */
public final class MigrationRunner {
    public static final String COLLECTION = "migrations";
    private static final Logger LOG = Logger.getLogger(MigrationRunner.class.getName());
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final MongoDatabase db;
    private final List<Migration> migrations;
    private final String version;
    private final String holder;
    private final Clock clock;

    public MigrationRunner(MongoDatabase db, List<Migration> migrations, String version, String holder) {
        this(db, migrations, version, holder, Clock.systemUTC());
    }

    MigrationRunner(MongoDatabase db, List<Migration> migrations, String version, String holder, Clock clock) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).number() != i + 1) {
                throw new IllegalArgumentException("Migrations must be numbered 1, 2, 3... in order; found " + migrations.get(i));
            }
        }
        this.db = db;
        this.migrations = List.copyOf(migrations);
        this.version = version;
        this.holder = holder;
        this.clock = clock;
    }

    /** What {@link #migrate} would apply now, without applying anything or taking the lock. */
    public List<Migration> pending() {
        Set<Integer> applied = appliedNumbers();
        refuseNewer(applied);
        return migrations.stream().filter(m -> !applied.contains(m.number())).toList();
    }

    /** Applies the pending migrations; returns those this call applied (none when another instance did). */
    public List<Migration> migrate() throws InterruptedException {
        if (pending().isEmpty()) {
            return List.of();
        }
        MigrationLease lease = new MigrationLease(db, holder, LEASE, clock);
        lease.acquire(WAIT);
        try {
            List<Migration> done = new ArrayList<>();
            for (Migration m : pending()) {
                lease.renew();
                LOG.info(() -> "Applying database migration " + m);
                try {
                    m.step().apply(db);
                } catch (RuntimeException e) {
                    throw new MigrationException("Database migration " + m + " failed: " + e.getMessage()
                            + (done.isEmpty() ? "" : " (migrations " + done + " were applied before it)")
                            + ". Nothing after it was applied; fix the cause and start again (the migration runs again).", e);
                }
                records().insertOne(new Document("_id", m.number()).append("name", m.name())
                        .append("applied_at", java.util.Date.from(clock.instant())).append("version", version)
                        .append("by", holder));
                done.add(m);
            }
            return done;
        } finally {
            lease.release();
        }
    }

    private Set<Integer> appliedNumbers() {
        Set<Integer> applied = new HashSet<>();
        records().find().projection(new Document("_id", 1)).forEach(d -> {
            if (d.get("_id") instanceof Number n) {
                applied.add(n.intValue());
            }
        });
        return applied;
    }

    private void refuseNewer(Set<Integer> applied) {
        int known = migrations.size();
        applied.stream().filter(n -> n > known).max(Integer::compare).ifPresent(n -> {
            Document newest = records().find(Filters.eq("_id", n)).sort(Sorts.descending("_id")).first();
            throw new DatabaseNewerException("The database was migrated by a newer Maestro EE: it has migration " + n
                    + " (" + newest.getString("name") + ", applied by version " + newest.getString("version") + " at "
                    + newest.getDate("applied_at").toInstant() + "), and this version (" + version + ") knows migrations up to "
                    + known + ". Run the newer version, or restore the database from a backup taken before it.");
        });
    }

    private MongoCollection<Document> records() {
        return db.getCollection(COLLECTION);
    }
}
