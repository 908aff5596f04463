package dev.maestro.launcher;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.migration.Migration;
import dev.maestro.store.migration.MigrationException;
import dev.maestro.store.migration.MigrationRunner;
import dev.maestro.store.migration.Migrations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The database before Payara Micro starts: reachable, accepting us, and migrated (or, for
 * {@code ./maestro migrate --dry-run}, what migrating would do). Failing here takes seconds and
 * says why; failing inside the server took minutes and showed only 500s.
 */
final class DatabasePreflight {
    private static final Duration REACH = Duration.ofSeconds(5);

    private final String uri;
    private final Duration eventRetention;
    private final Duration telemetryRetention;

    DatabasePreflight(String uri, Map<String, String> env) {
        this.uri = uri;
        this.eventRetention = Duration.ofSeconds(Long.parseLong(env.getOrDefault("EVENT_HISTORY_TTL_SECONDS", "604800").trim()));
        this.telemetryRetention = Duration.ofSeconds(Long.parseLong(env.getOrDefault("TELEMETRY_TTL_SECONDS", "1209600").trim()));
    }

    /** Applies the pending migrations; returns them. */
    List<Migration> migrate() throws StartRefused, InterruptedException {
        try (MongoConnection mongo = connect()) {
            return runner(mongo).migrate();
        } catch (MigrationException e) {
            throw new StartRefused(e.getMessage(), e);
        } catch (MongoException e) {
            throw refused(e);
        }
    }

    /** The migrations that would run, without running them. */
    List<Migration> pending() throws StartRefused {
        try (MongoConnection mongo = connect()) {
            return runner(mongo).pending();
        } catch (MigrationException e) {
            throw new StartRefused(e.getMessage(), e);
        } catch (MongoException e) {
            throw refused(e);
        }
    }

    /** Where the database is, without credentials: for messages. */
    String where() {
        ConnectionString cs = new ConnectionString(uri);
        return String.join(",", cs.getHosts()) + "/" + (cs.getDatabase() != null ? cs.getDatabase() : MongoConnection.DEFAULT_DATABASE);
    }

    private MongoConnection connect() throws StartRefused {
        MongoConnection mongo;
        try {
            mongo = new MongoConnection(uri, REACH);
        } catch (IllegalArgumentException e) {
            throw new StartRefused("MONGO_SERVICE is not a MongoDB connection string (" + e.getMessage()
                    + "); it looks like mongodb://host:27017 or mongodb://host:27017/database.");
        }
        try {
            mongo.database().runCommand(new Document("ping", 1));
        } catch (MongoException e) {
            mongo.close();
            throw refused(e);
        }
        return mongo;
    }

    private MigrationRunner runner(MongoConnection mongo) {
        return new MigrationRunner(mongo.database(), Migrations.all(eventRetention, telemetryRetention), Migrations.CODE_VERSION,
                "launcher@" + ProcessHandle.current().pid());
    }

    private StartRefused refused(MongoException e) {
        if (e instanceof MongoTimeoutException) {
            return new StartRefused("MongoDB at " + where() + " (MONGO_SERVICE) cannot be reached: no answer within "
                    + REACH.toSeconds() + " s. Check that it runs and that MONGO_SERVICE names its host and port"
                    + " (unset MONGO_SERVICE to use the embedded one).", e);
        }
        if (e instanceof MongoSecurityException) {
            return new StartRefused("MongoDB at " + where() + " (MONGO_SERVICE) refused the login: " + firstSentence(e)
                    + ". Check the user and password in MONGO_SERVICE.", e);
        }
        return new StartRefused("MongoDB at " + where() + " (MONGO_SERVICE) refused the request: " + firstSentence(e) + ".", e);
    }

    private static String firstSentence(Exception e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf(". ");
        return cut > 0 ? m.substring(0, cut) : m;
    }
}
