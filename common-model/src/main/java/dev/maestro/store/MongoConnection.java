package dev.maestro.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB client of one process. KernelCI's {@code MONGO_SERVICE} is a connection string
 * without a database; the database is {@code kernelci} unless the string names another one.
 */
public final class MongoConnection implements AutoCloseable {
    public static final String DEFAULT_DATABASE = "kernelci";

    private final MongoClient client;
    private final MongoDatabase database;

    public MongoConnection(String uri) {
        this(uri, Duration.ofSeconds(10));
    }

    /** @param selectionTimeout how long an operation waits for a reachable server before failing */
    public MongoConnection(String uri, Duration selectionTimeout) {
        ConnectionString cs = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(selectionTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .build();
        this.client = MongoClients.create(settings);
        this.database = client.getDatabase(cs.getDatabase() != null ? cs.getDatabase() : DEFAULT_DATABASE);
    }

    public MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        client.close();
    }
}
