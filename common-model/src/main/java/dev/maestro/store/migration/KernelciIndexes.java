package dev.maestro.store.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * The indexes KernelCI's Python API created that stand in the way of ours (api.md §9.2): its
 * non-unique {@code channel_1_sequence_id_1} on {@code eventhistory} (ours is unique, with the
 * same name: MongoDB refuses to create it), its TTL index on {@code timestamp} under another name
 * (MongoDB refuses a second index on the same keys), and {@code unique_subscriber_id} on
 * {@code subscriber_state} (one cursor per subscriber id; ours keep one per subscriber id and
 * channel); and, on {@code telemetry}, its TTL index on {@code ts}. They are dropped before ours
 * are created; the data stays.
 */
final class KernelciIndexes {
    private KernelciIndexes() {
    }

    /** Drops the conflicting indexes that exist; returns them as {@code collection.name}. */
    static List<String> dropConflicting(MongoDatabase db) {
        List<String> dropped = new ArrayList<>();
        MongoCollection<Document> history = db.getCollection("eventhistory");
        drop(history, i -> keys(i, "channel", "sequence_id") && !i.getBoolean("unique", false), dropped);
        drop(history, i -> keys(i, "timestamp") && !"timestamp_ttl".equals(i.getString("name")), dropped);
        drop(db.getCollection("subscriber_state"), i -> "unique_subscriber_id".equals(i.getString("name")), dropped);
        return dropped;
    }

    /**
     * KernelCI's expiry index on {@code telemetry.ts}, under whatever name it has: ours is
     * {@code ts_ttl}, and MongoDB refuses a second index on the same keys.
     */
    static List<String> dropTelemetryTtl(MongoDatabase db) {
        List<String> dropped = new ArrayList<>();
        drop(db.getCollection("telemetry"), i -> keys(i, "ts") && !"ts_ttl".equals(i.getString("name")), dropped);
        return dropped;
    }

    private static void drop(MongoCollection<Document> collection, Predicate<Document> conflicts, List<String> dropped) {
        List<String> names = new ArrayList<>();
        collection.listIndexes().forEach(i -> {
            if (conflicts.test(i)) {
                names.add(i.getString("name"));
            }
        });
        names.forEach(name -> {
            collection.dropIndex(name);
            dropped.add(collection.getNamespace().getCollectionName() + "." + name);
        });
    }

    /** Whether the index is on exactly these fields, ascending, in this order. */
    private static boolean keys(Document index, String... fields) {
        Document key = index.get("key", Document.class);
        return key != null && List.copyOf(key.keySet()).equals(List.of(fields))
                && key.values().stream().allMatch(v -> v instanceof Number n && n.intValue() == 1);
    }
}
