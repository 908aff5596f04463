package dev.maestro.launcher;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * A database as KernelCI's Python API leaves it (api.md §9.2, §7.2, §6.7): its indexes, among
 * them the non-unique {@code channel_1_sequence_id_1} on {@code eventhistory}; users as
 * fastapi-users stored them, with bcrypt {@code $2b$12$} hashes; a finished checkout → kbuild →
 * test tree; and events numbered by KernelCI's one global counter, so the channels interleave.
 * Numbers are what pymongo writes for Python ints (32-bit), times are BSON dates in milliseconds.
 */
final class KernelciDatabase {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "kernelci-admin-pw";
    static final String USER = "alice";
    static final String USER_PASSWORD = "alice's old password";

    /** The nodes as stored, root first. */
    final List<Document> nodes = new ArrayList<>();
    /** The events as stored, in KernelCI's sequence order. */
    final List<Document> events = new ArrayList<>();

    private KernelciDatabase() {
    }

    static KernelciDatabase write(MongoDatabase db) {
        KernelciDatabase k = new KernelciDatabase();
        indexes(db);
        ObjectId group = new ObjectId();
        db.getCollection("usergroup").insertOne(new Document("_id", group).append("name", "kernelci"));
        db.getCollection("user").insertMany(List.of(
                user(ADMIN, ADMIN_PASSWORD, true, List.of()),
                user(USER, USER_PASSWORD, false, List.of(new Document("_id", group).append("name", "kernelci")))));

        Instant created = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        Document checkout = k.node("checkout", "checkout", null, List.of("checkout"), created,
                new Document("kernel_revision", new Document("tree", "mainline").append("branch", "master")
                        .append("commit", "2a987e65025e2b79c6d453b78cb5985ac6e5eb26")
                        .append("url", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
                        .append("describe", "v5.16-rc4-31-g2a987e65025e")));
        Document kbuild = k.node("kbuild", "kbuild-gcc-12-x86", checkout, List.of("checkout", "kbuild-gcc-12-x86"),
                created.plusSeconds(60), new Document("arch", "x86_64").append("defconfig", "x86_64_defconfig")
                        .append("compiler", "gcc-12"));
        k.node("test", "baseline", kbuild, List.of("checkout", "kbuild-gcc-12-x86", "baseline"), created.plusSeconds(600),
                new Document("platform", "qemu-x86").append("runtime", "lava-collabora"));
        db.getCollection("node").insertMany(k.nodes);

        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        int sequence = 0;
        for (Document node : k.nodes) {
            k.event("node", ++sequence, at.plusSeconds(sequence), nodeEvent(node));
            k.event("retry", ++sequence, at.plusSeconds(sequence), new Document("node_id", node.getObjectId("_id").toHexString())
                    .append("retry_counter", 1));
        }
        db.getCollection("eventhistory").insertMany(k.events);
        return k;
    }

    /** The highest sequence id KernelCI gave an event on this channel. */
    int lastSequence(String channel) {
        return events.stream().filter(e -> channel.equals(e.getString("channel")))
                .mapToInt(e -> e.getInteger("sequence_id")).max().orElseThrow();
    }

    private static void indexes(MongoDatabase db) {
        var users = db.getCollection("user");
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        db.getCollection("usergroup").createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
        var history = db.getCollection("eventhistory");
        history.createIndex(Indexes.ascending("timestamp"), new IndexOptions().expireAfter(604800L, TimeUnit.SECONDS));
        history.createIndex(Indexes.ascending("channel", "sequence_id"));
        history.createIndex(Indexes.ascending("data.kind", "timestamp"), new IndexOptions().name("kind_timestamp"));
        var telemetry = db.getCollection("telemetry");
        telemetry.createIndex(Indexes.ascending("ts"), new IndexOptions().expireAfter(1209600L, TimeUnit.SECONDS));
        telemetry.createIndex(new Document("kind", 1).append("ts", -1));
        var subscribers = db.getCollection("subscriber_state");
        subscribers.createIndex(Indexes.ascending("subscriber_id"), new IndexOptions().unique(true).name("unique_subscriber_id"));
        subscribers.createIndex(Indexes.ascending("last_poll"));
    }

    private static Document user(String name, String password, boolean superuser, List<Document> groups) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new Document("_id", new ObjectId()).append("email", name + "@kernelci.org")
                .append("hashed_password", OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, 12))
                .append("is_active", true).append("is_superuser", superuser).append("is_verified", true)
                .append("username", name).append("groups", groups);
    }

    private Document node(String kind, String name, Document parent, List<String> path, Instant created, Document data) {
        Document n = new Document("_id", new ObjectId()).append("kind", kind).append("name", name).append("path", path)
                .append("group", kind.equals("checkout") ? null : name)
                .append("parent", parent == null ? null : parent.getObjectId("_id"))
                .append("state", "done").append("result", "pass")
                .append("artifacts", Map.of("log", "https://storage.kernelci.org/mainline/" + name + "/log.txt"))
                .append("data", data).append("debug", new Document()).append("jobfilter", null)
                .append("platform_filter", List.of())
                .append("created", Date.from(created)).append("updated", Date.from(created.plusSeconds(30)))
                .append("timeout", Date.from(created.plusSeconds(6 * 3600))).append("holdoff", null)
                .append("owner", ADMIN).append("submitter", null)
                .append("treeid", "9a3f8a0e6f4e2c1b").append("user_groups", List.of())
                .append("processed_by_kcidb_bridge", true).append("retry_counter", 0);
        nodes.add(n);
        return n;
    }

    private static Document nodeEvent(Document node) {
        return new Document("op", "updated").append("id", node.getObjectId("_id").toHexString())
                .append("kind", node.getString("kind")).append("name", node.getString("name")).append("path", node.get("path"))
                .append("group", node.get("group")).append("state", "done").append("result", "pass").append("owner", ADMIN)
                .append("data", node.get("data")).append("is_hierarchy", false)
                .append("previous_state", "available").append("previous_result", null);
    }

    private void event(String channel, int sequence, Instant at, Document data) {
        events.add(new Document("_id", new ObjectId()).append("timestamp", Date.from(at)).append("sequence_id", sequence)
                .append("channel", channel).append("owner", ADMIN).append("data", data));
    }
}
