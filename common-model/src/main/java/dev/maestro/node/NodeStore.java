package dev.maestro.node;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.WriteModel;
import dev.maestro.error.BadRequestException;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.CombinedInserts;
import dev.maestro.store.IdLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The {@code node} collection. Only {@link NodeService} writes through it (the one write path);
 * reads are open to whoever needs them. A node read by id may come from the {@link NodeCache},
 * which every change of an existing node goes through.
 */
public class NodeStore {
    public static final String COLLECTION = "node";
    /** Fields the API's queries and the pipeline's timers filter on. */
    static final List<String> INDEXED = List.of("kind", "name", "parent", "state", "owner", "created", "updated",
            "timeout", "holdoff", "treeid", "data.kernel_revision.tree", "data.kernel_revision.branch",
            "data.kernel_revision.commit");
    /** MongoDB's codes for a query it cannot run (bad regex, bad value): a client mistake. */
    private static final Set<Integer> BAD_QUERY_CODES = Set.of(2, 51091);

    /** Changes to these fields move a node in or out of the lifecycle rules' working set. */
    private static final Set<String> LIFECYCLE_FIELDS = Set.of("state", "timeout", "holdoff", "parent");

    private final MongoDatabase database;
    private final MongoCollection<Document> nodes;
    private final CombinedInserts newNodes;
    private final UnfinishedNodes unfinished;
    private final NodeCache cache;

    public NodeStore(MongoDatabase db, NodeCache cache) {
        this.database = db;
        this.nodes = db.getCollection(COLLECTION);
        this.newNodes = new CombinedInserts(nodes);
        this.unfinished = new UnfinishedNodes(db);
        this.cache = cache;
    }

    public static void createIndexes(MongoDatabase db) {
        MongoCollection<Document> nodes = db.getCollection(COLLECTION);
        INDEXED.forEach(field -> nodes.createIndex(Indexes.ascending(field)));
        new UnfinishedNodes(db).createIndexes();
    }

    /**
     * Fills the lifecycle rules' working set from the nodes that are not {@code done}: for a
     * database written before the working set existed (one scan, in a migration). Returns how
     * many entries it wrote.
     */
    public static int trackUnfinished(MongoDatabase db) {
        UnfinishedNodes unfinished = new UnfinishedNodes(db);
        int[] count = {0};
        db.getCollection(COLLECTION).find(Filters.ne("state", NodeState.DONE.value())).forEach(d -> {
            unfinished.track(NodeDocuments.fromDocument(d));
            count[0]++;
        });
        return count[0];
    }

    UnfinishedNodes unfinished() {
        return unfinished;
    }

    public Optional<Node> find(ObjectId id) {
        return cache.find(id, this::load);
    }

    private Optional<Node> load(ObjectId id) {
        return Optional.ofNullable(nodes.find(Filters.eq("_id", id)).first()).map(NodeDocuments::fromDocument);
    }

    public boolean exists(ObjectId id) {
        return IdLookup.exists(nodes, id);
    }

    /** The stored nodes among {@code ids}, by id (missing ones are absent). */
    public Map<ObjectId, Node> findAll(Collection<ObjectId> ids) {
        Map<ObjectId, Node> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            nodes.find(Filters.in("_id", ids)).forEach(d -> {
                Node n = NodeDocuments.fromDocument(d);
                found.put(n.id(), n);
            });
        }
        return found;
    }

    public List<Node> find(NodeQuery query) {
        return clientMistakesAre400(() -> {
            FindIterable<Document> it = nodes.find(query.filter()).sort(query.sort()).skip(query.page().offset());
            if (query.page().limit() > 0) {
                it = it.limit(query.page().limit());
            }
            List<Node> out = new ArrayList<>();
            it.forEach(d -> out.add(NodeDocuments.fromDocument(d)));
            return out;
        });
    }

    /**
     * The distinct {@code parent}s of the nodes matching {@code filter}: which nodes have
     * children, found in one pass, so a tree walk asks for children only where there are some.
     */
    public Set<ObjectId> parentsOf(Bson filter) {
        return clientMistakesAre400(() -> nodes.distinct("parent", Filters.and(filter, Filters.ne("parent", null)), ObjectId.class)
                .into(new java.util.HashSet<>()));
    }

    /**
     * How many nodes match. With a filter, MongoDB's {@code count} command rather than the
     * aggregation behind {@code countDocuments}: the same exact count outside sharded clusters
     * (where {@code count} may include orphaned documents), and on mongo-java-server, where a
     * count is most of a {@code GET /nodes} page's database work, about a fifth cheaper (README,
     * "The direct routes"). Without one, {@code countDocuments}: {@code count} would answer from
     * collection metadata, which MongoDB may have wrong after an unclean shutdown.
     */
    public long count(Bson filter) {
        return clientMistakesAre400(() -> {
            BsonDocument query = filter.toBsonDocument(Document.class, nodes.getCodecRegistry());
            if (query.isEmpty()) {
                return nodes.countDocuments();
            }
            return ((Number) database.runCommand(new Document("count", COLLECTION).append("query", query)).get("n")).longValue();
        });
    }

    /**
     * Inserts a node that already has its id, with those of concurrent writers
     * ({@link CombinedInserts}); a node whose id is taken throws the duplicate key's
     * {@link com.mongodb.MongoWriteException}, as a lone insert does.
     */
    void insert(Node node) {
        unfinished.trackNew(node);
        newNodes.insert(NodeDocuments.toDocument(node));
    }

    /**
     * Sets {@code changes} on the node only if its stored state is still {@code expected} (the
     * compare-and-set that makes transitions exactly-once); returns the node as stored after.
     */
    Optional<Node> updateIfState(ObjectId id, NodeState expected, Document changes) {
        return set(id, Filters.and(Filters.eq("_id", id), Filters.eq("state", expected.value())), changes);
    }

    /** Sets {@code changes} on the node whatever its state; returns the node as stored after. */
    Optional<Node> update(ObjectId id, Document changes) {
        return set(id, Filters.eq("_id", id), changes);
    }

    private Optional<Node> set(ObjectId id, Bson filter, Document changes) {
        if (changes.isEmpty()) {
            return Optional.ofNullable(nodes.find(filter).first()).map(NodeDocuments::fromDocument);
        }
        Document after = cache.write(List.of(id), () -> nodes.findOneAndUpdate(filter, new Document("$set", changes),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        Optional<Node> written = Optional.ofNullable(after).map(NodeDocuments::fromDocument);
        if (changes.keySet().stream().anyMatch(LIFECYCLE_FIELDS::contains)) {
            written.ifPresent(unfinished::track);
        }
        return written;
    }

    /** Writes new nodes and full replacements in one ordered bulk write, in the order given. */
    void write(List<Node> nodesInOrder, Set<ObjectId> existing) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Node n : nodesInOrder) {
            Document d = NodeDocuments.toDocument(n);
            writes.add(existing.contains(n.id()) ? new ReplaceOneModel<>(Filters.eq("_id", n.id()), d) : new InsertOneModel<>(d));
        }
        if (!writes.isEmpty()) {
            List<Node> open = nodesInOrder.stream().filter(n -> n.state() != NodeState.DONE).toList();
            unfinished.trackAll(open);
            cache.write(existing, () -> nodes.bulkWrite(writes));
            nodesInOrder.stream().filter(n -> n.state() == NodeState.DONE).forEach(n -> unfinished.forget(n.id()));
        }
    }

    private static <T> T clientMistakesAre400(java.util.function.Supplier<T> query) {
        try {
            return query.get();
        } catch (MongoException e) {
            if (BAD_QUERY_CODES.contains(e.getCode())) {
                throw new BadRequestException("Invalid query: " + e.getMessage());
            }
            throw e;
        }
    }
}
