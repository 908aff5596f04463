package dev.maestro.launcher;

import static dev.maestro.launcher.ConsoleCapture.capture;
import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.migration.MigrationRunner;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./maestro start} refuses within seconds, with the cause in one paragraph, when the
 * deployment could not work: MongoDB unreachable, a database migration failing (here: the
 * database was migrated by a newer version), the port taken, the data directory in use. Nothing
 * of the server is started then.
 */
class FailFastStartTest {
    @TempDir
    Path dir;

    private LauncherSettings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString(),
                "MAESTRO_PORT", Integer.toString(EmbeddedBackends.freePort())));
        env.putAll(extra);
        return LauncherSettings.fromEnvironment(env);
    }

    @Test
    void anUnreachableMongoDbRefusesTheStartWithinSeconds() {
        Instant began = Instant.now();
        ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of("MONGO_SERVICE", "mongodb://127.0.0.1:1"))));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("maestro: not starting: MongoDB at 127.0.0.1:1/kernelci (MONGO_SERVICE) cannot be reached");
        assertThat(Duration.between(began, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(dir.resolve("data").resolve("payara")).doesNotExist();
        assertThat(dir.resolve("data").resolve(DataDirectoryLock.FILE)).doesNotExist();
    }

    @Test
    void aDatabaseMigratedByANewerVersionRefusesTheStartWithTheCause() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try {
            String uri = mongo.bindAndGetConnectionString();
            try (MongoConnection db = new MongoConnection(uri)) {
                db.database().getCollection(MigrationRunner.COLLECTION).insertOne(new Document("_id", 999)
                        .append("name", "from the future").append("version", "9.9.9").append("applied_at", new Date()));
            }
            ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of("MONGO_SERVICE", uri))));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("maestro: not starting: The database was migrated by a newer Maestro EE: it has migration 999"
                    + " (from the future, applied by version 9.9.9").contains("Run the newer version, or restore the database");
            assertThat(run.out()).doesNotContain("starting Payara Micro");
            assertThat(dir.resolve("data").resolve("payara")).doesNotExist();
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void aFailingMigrationRefusesTheStartWithTheCause() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        try {
            String uri = mongo.bindAndGetConnectionString();
            try (MongoConnection db = new MongoConnection(uri)) {
                // Two accounts with one e-mail address: the unique index of migration 1 cannot be built.
                db.database().getCollection("user").insertMany(List.of(
                        new Document("username", "one").append("email", "same@example.org"),
                        new Document("username", "two").append("email", "same@example.org")));
            }
            ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of("MONGO_SERVICE", uri))));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("maestro: not starting: Database migration 1 indexes (replacing KernelCI's conflicting ones) failed: ")
                    .contains("same@example.org").contains("fix the cause and start again");
            assertThat(dir.resolve("data").resolve("payara")).doesNotExist();
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void aPortInUseRefusesTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of("MAESTRO_PORT", Integer.toString(taken.getLocalPort())))));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("Port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aDataDirectoryInUseNamesTheProcessUsingIt() throws Exception {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dir.resolve("data"))) {
            ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of())));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("Another Maestro EE is using this data directory (" + dir.resolve("data")
                    + ", pid " + ProcessHandle.current().pid() + ")");
        }
    }
}
