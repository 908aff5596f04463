package dev.maestro.node;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.maestro.store.CombinedInserts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The working set of the lifecycle rules: one small document per node that is not {@code done}
 * ({@code node_unfinished}: state, timeout, holdoff, parent, updated), so that their periodic
 * queries cost what the number of unfinished nodes costs, not what the history costs. The
 * embedded MongoDB-wire server scans a whole collection for a range query (its indexes answer
 * exact values only), which made each tick cost a scan of every node ever written.
 *
 * <p>An entry is a hint, never the truth: an entry is written <em>before</em> a new node (so a
 * write cut short leaves at worst an entry without a node) and brought up to date or removed
 * <em>after</em> each change. Readers check the node itself and put a stale entry right
 * ({@link NodeService#unfinishedDue}).
 */
final class UnfinishedNodes {
    static final String COLLECTION = "node_unfinished";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /** Far longer than inserting one node takes. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private final MongoCollection<Document> entries;
    private final CombinedInserts newEntries;

    UnfinishedNodes(MongoDatabase db) {
        this.entries = db.getCollection(COLLECTION);
        this.newEntries = new CombinedInserts(entries);
    }

    void createIndexes() {
        for (String field : List.of("timeout", "holdoff", "state", "parent")) {
            entries.createIndex(Indexes.ascending(field));
        }
    }

    /** Records the node as it is (or is about to be) stored: an entry while not done, none once done. */
    void track(Node node) {
        if (node.state() == NodeState.DONE) {
            forget(node.id());
        } else {
            entries.replaceOne(Filters.eq("_id", node.id()), entry(node), UPSERT);
        }
    }

    /**
     * As {@link #track}, for a node about to be inserted: a plain insert of its entry, which costs
     * the database and the driver about half what an upsert does (a node write's entry was 13 % of
     * its CPU in the API), and one with those of concurrent writers ({@link CombinedInserts}). A
     * done node, and one whose entry was left by an attempt that failed before its node was
     * stored, go through {@link #track}.
     */
    void trackNew(Node node) {
        if (node.state() != NodeState.DONE) {
            try {
                newEntries.insert(entry(node));
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        track(node);
    }

    void trackAll(Collection<Node> nodes) {
        nodes.forEach(this::track);
    }

    void forget(ObjectId id) {
        entries.deleteOne(Filters.eq("_id", id));
    }

    /**
     * Forgets an entry whose node does not exist, unless it was written within {@link #GRACE}:
     * its node may be being inserted right now (the entry is written first).
     */
    void forgetOrphan(ObjectId id, Instant now) {
        entries.deleteOne(Filters.and(Filters.eq("_id", id), Filters.lt("tracked_at", Date.from(now.minus(GRACE)))));
    }

    /** Ids of entries (in {@code onlyIn}, when given) whose {@code deadline} ({@code timeout} or {@code holdoff}) is before {@code now}, earliest first. */
    List<ObjectId> due(String deadline, Instant now, Optional<NodeState> onlyIn, int limit) {
        Bson passed = Filters.lt(deadline, Date.from(now));
        return ids(onlyIn.map(s -> Filters.and(Filters.eq("state", s.value()), passed)).orElse(passed), Sorts.ascending(deadline), limit);
    }

    /** Ids of entries in {@code state}, least recently updated first. */
    List<ObjectId> inState(NodeState state, int limit) {
        return ids(Filters.eq("state", state.value()), Sorts.ascending("updated"), limit);
    }

    /** Ids of entries whose parent is {@code parent}. */
    List<ObjectId> children(ObjectId parent) {
        return ids(Filters.eq("parent", parent), Sorts.ascending("_id"), 0);
    }

    private List<ObjectId> ids(Bson filter, Bson sort, int limit) {
        List<ObjectId> ids = new ArrayList<>();
        entries.find(filter).sort(sort).limit(limit).projection(new Document("_id", 1))
                .forEach(d -> ids.add(d.getObjectId("_id")));
        return ids;
    }

    private static Document entry(Node n) {
        return new Document("_id", n.id())
                .append("state", n.state().value())
                .append("timeout", n.timeout() == null ? null : Date.from(n.timeout()))
                .append("holdoff", n.holdoff() == null ? null : Date.from(n.holdoff()))
                .append("parent", n.parent())
                .append("updated", n.updated() == null ? null : Date.from(n.updated()))
                .append("tracked_at", new Date());
    }
}
