package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.maestro.store.MongoConnection;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.store.migration.MigrationRunner;
import dev.maestro.store.migration.Migrations;
import dev.maestro.time.Timestamps;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator points Maestro EE at the database KernelCI's API used ({@link KernelciDatabase}) and
 * starts it as usual: it starts; the old users log in with their old passwords (and their hashes
 * become ours); the old nodes and events are served as they were; a new event continues its
 * channel's sequence; each migration is recorded once; and a second start applies nothing.
 */
class KernelciAdoptionIT {
    @TempDir
    Path dir;

    @Test
    void aKernelciDatabaseIsAdoptedOnceAndServedAsBefore() throws Exception {
        try (MongoAndRedis backends = new MongoAndRedis(); MongoConnection mongo = new MongoConnection(backends.mongoUri)) {
            MongoDatabase db = mongo.database();
            KernelciDatabase kernelci = KernelciDatabase.write(db);
            assertThat(sequenceIndexIsUnique(db)).as("KernelCI's index, which Maestro EE's conflicts with").isFalse();
            int migrationCount = Migrations.all(Duration.ofDays(7), Duration.ofDays(14)).size();

            List<Document> recorded;
            try (LaunchedInstance first = LaunchedInstance.start(LaunchedInstance.HOME, dir.resolve("first"),
                    EmbeddedBackends.freePort(), backends.apiSettings())) {
                assertThat(first.awaitBanner()).contains(migrationCount + " migration(s) applied")
                        .contains("admin user:     not created by this instance: the database already had an admin");
                ApiClient api = first.api();

                String adminToken = oldPasswordsLogIn(api, db);
                nodesAreServedAsStored(api, kernelci);
                eventsAreServedAsStored(api, kernelci);

                ApiResponse published = api.as(adminToken).post("/latest/publish/node", Map.of("data", Map.of("op", "new")));
                assertThat(published.status()).as(published.body()).isEqualTo(200);
                List<Map<String, Object>> after = events(api, "/latest/events?channel=node&data.op=new");
                assertThat(after).singleElement().satisfies(e -> assertThat(((Number) e.get("sequence_id")).intValue())
                        .isEqualTo(kernelci.lastSequence("node") + 1));

                assertThat(sequenceIndexIsUnique(db)).as("the index after adoption").isTrue();
                recorded = db.getCollection(MigrationRunner.COLLECTION).find().into(new ArrayList<>());
                assertThat(recorded).extracting(d -> d.get("_id")).containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, migrationCount).boxed().toList());
                assertThat(recorded).allSatisfy(d -> assertThat(d.getString("version")).isEqualTo(Migrations.CODE_VERSION));
            }

            try (LaunchedInstance second = LaunchedInstance.start(LaunchedInstance.HOME, dir.resolve("second"),
                    EmbeddedBackends.freePort(), backends.apiSettings())) {
                assertThat(second.awaitBanner()).contains(": up to date").doesNotContain("migration(s) applied");
                assertThat(db.getCollection(MigrationRunner.COLLECTION).find().into(new ArrayList<>())).isEqualTo(recorded);
                assertThat(second.api().login(KernelciDatabase.USER, KernelciDatabase.USER_PASSWORD)).isNotBlank();
            }
        }
    }

    private static boolean sequenceIndexIsUnique(MongoDatabase db) {
        return db.getCollection("eventhistory").listIndexes().into(new ArrayList<>()).stream()
                .filter(i -> "channel_1_sequence_id_1".equals(i.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no index channel_1_sequence_id_1 on eventhistory"))
                .getBoolean("unique", false);
    }

    /** Both old accounts log in with the passwords KernelCI hashed; the hashes are ours afterwards. Returns the admin's token. */
    private static String oldPasswordsLogIn(ApiClient api, MongoDatabase db) throws Exception {
        assertThat(api.postForm("/latest/user/login", Map.of("username", KernelciDatabase.USER, "password", "not the password"))
                .status()).isEqualTo(400);
        String userToken = api.login(KernelciDatabase.USER, KernelciDatabase.USER_PASSWORD);
        String adminToken = api.login(KernelciDatabase.ADMIN, KernelciDatabase.ADMIN_PASSWORD);
        ApiResponse me = api.as(userToken).get("/latest/whoami");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.map()).containsEntry("username", KernelciDatabase.USER).containsEntry("is_superuser", false);
        assertThat(api.as(adminToken).get("/latest/whoami").map()).containsEntry("is_superuser", true);
        for (String name : List.of(KernelciDatabase.USER, KernelciDatabase.ADMIN)) {
            String hash = db.getCollection("user").find(Filters.eq("username", name)).first().getString("hashed_password");
            assertThat(hash).as("%s's hash after the login", name).doesNotStartWith("$2b$");
        }
        return adminToken;
    }

    private static void nodesAreServedAsStored(ApiClient api, KernelciDatabase kernelci) throws Exception {
        for (Document stored : kernelci.nodes) {
            String id = stored.getObjectId("_id").toHexString();
            ApiResponse r = api.get("/latest/node/" + id);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            Map<String, Object> served = r.map();
            Map<String, Object> expected = new LinkedHashMap<>();
            stored.forEach((key, value) -> expected.put(key.equals("_id") ? "id" : key, asServed(value)));
            assertThat(served).as("node %s", id).isEqualTo(expected);
        }
    }

    private static void eventsAreServedAsStored(ApiClient api, KernelciDatabase kernelci) throws Exception {
        for (String channel : List.of("node", "retry")) {
            List<Map<String, Object>> served = events(api, "/latest/events?channel=" + channel);
            List<Map<String, Object>> expected = kernelci.events.stream().filter(e -> channel.equals(e.getString("channel")))
                    .map(e -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        e.forEach((key, value) -> m.put(key.equals("_id") ? "id" : key, asServed(value)));
                        return m;
                    }).toList();
            assertThat(served).as("events on %s", channel).isEqualTo(expected);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(ApiClient api, String path) throws Exception {
        ApiResponse r = api.get(path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) r.json();
    }

    /** A stored value as KernelCI's clients read it in JSON: ids in hex, times in Python's isoformat. */
    private static Object asServed(Object value) {
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Date date) {
            return Timestamps.format(date.toInstant());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put((String) k, asServed(v)));
            return m;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(KernelciAdoptionIT::asServed).toList();
        }
        return value;
    }
}
