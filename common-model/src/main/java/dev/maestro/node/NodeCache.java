package dev.maestro.node;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.maestro.error.ServiceUnavailableException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Nodes read by id, kept in this instance and served again while {@link NodeWriteMarks} show no
 * write of them since, on this instance or any other: a read costs one Redis round trip instead
 * of a MongoDB query and its decoding (a {@code GET /node/{id}} spent 38 % of its server CPU in
 * the MongoDB driver; README, "The node cache").
 *
 * <p>Reads stay consistent with writes: a writer marks its start in Redis before it changes
 * MongoDB and its finish after, and a copy is served only when the marks of its bucket are quiet
 * and the same as the quiet marks seen just before the copy was read from MongoDB, so a read that
 * begins after a write answered sees that write. A copy is kept with those marks whatever happened
 * meanwhile, with no second look: counts only grow within an epoch, so a write that started after
 * them leaves that copy unmatched for good. When Redis cannot be asked, reads go to MongoDB; when
 * a write cannot mark its start it is refused (503) before it changes anything, since no other
 * instance could know of it.
 *
 * <p>Database migrations change node documents without marks: they run before any instance of
 * their version serves ({@code MigrationRunner}'s lease), when no instance holds a copy.
 */
public final class NodeCache {
    private static final Logger LOG = Logger.getLogger(NodeCache.class.getName());
    /** About 5 KB each as objects: at most some 50 MB of a 1 GB heap. */
    private static final int MAX_NODES = 10_000;

    private record Copy(Node node, NodeWriteMarks.Look look) {
    }

    private final NodeWriteMarks marks;
    private final Cache<ObjectId, Copy> copies = Caffeine.newBuilder().maximumSize(MAX_NODES).build();

    public NodeCache(JedisPool redis) {
        this.marks = new NodeWriteMarks(redis);
    }

    /** The node with this id: this instance's copy if current, otherwise what {@code load} reads (kept if it may be). */
    Optional<Node> find(ObjectId id, Function<ObjectId, Optional<Node>> load) {
        NodeWriteMarks.Look before;
        try {
            before = marks.look(id);
        } catch (JedisException e) {
            return load.apply(id);
        }
        if (!before.quiet()) {
            return load.apply(id);
        }
        Copy copy = copies.getIfPresent(id);
        if (copy != null && copy.look().equals(before)) {
            return Optional.of(copy.node());
        }
        Optional<Node> loaded = load.apply(id);
        loaded.ifPresent(node -> copies.put(id, new Copy(node, before)));
        return loaded;
    }

    /**
     * Runs {@code write}, which changes the nodes {@code ids} in MongoDB, between the marks of its
     * start and finish. 503 if the start cannot be marked (nothing is written then); a finish that
     * cannot be marked leaves those nodes read from MongoDB until the marks' hash expires.
     */
    <T> T write(Collection<ObjectId> ids, Supplier<T> write) {
        Set<Integer> buckets = ids.stream().map(NodeWriteMarks::bucket).collect(Collectors.toSet());
        if (buckets.isEmpty()) {
            return write.get();
        }
        try {
            marks.started(buckets);
        } catch (JedisException e) {
            throw new ServiceUnavailableException("Nodes cannot be changed while Redis is unreachable: " + e.getMessage());
        }
        try {
            return write.get();
        } finally {
            ids.forEach(copies::invalidate);
            try {
                marks.finished(buckets);
            } catch (JedisException e) {
                LOG.log(Level.WARNING, "The end of a node write could not be marked in Redis; the nodes of its "
                        + buckets.size() + " bucket(s) are read from MongoDB until the marks expire: " + e.getMessage());
            }
        }
    }
}
