package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A non-unique index kept in memory, which answers queries that require one exact value of each
 * of its keys (or, for a single key, one of an {@code $in}'s): {@code {kind: "test", name:
 * "baseline"}} is answered from the smallest of the {@code kind} and {@code name} indexes'
 * candidates, then checked against the whole query as before. Ranges, regular expressions,
 * {@code null} and numbers still read the whole collection.
 *
 * <p>An index is built from its collection the first time a query can use it, not when the
 * database opens: most of the indexes declared (dates, the event history's) are never asked for
 * one value, and building each would read its whole collection at every start. After that it
 * follows every write. Writes and builds both run under the collection's lock (mongo-java-server
 * takes it for every write), so a build never misses one.
 */
final class EqualityIndex extends Index<Object> {
    private final Supplier<AbstractMongoCollection<Object>> collection;
    /** Positions (the documents' ids) by key value; null until built. */
    private Map<KeyValue, Set<Object>> positions;
    /** A compound key over two arrays ("parallel arrays") cannot be indexed: queries then read the collection. */
    private boolean unusable;
    private long lookups;

    EqualityIndex(String name, List<IndexKey> keys, Supplier<AbstractMongoCollection<Object>> collection) {
        // Sparse: a document the index holds no position for may still be removed (the collection
        // asks every index for the position of a document it removes).
        super(name, keys, true);
        this.collection = collection;
    }

    @Override
    public boolean canHandle(Document query) {
        if (probe(query).isEmpty()) {
            return false;
        }
        AbstractMongoCollection<Object> owner = collection.get();
        synchronized (owner) {
            List<Index<Object>> indexes = owner.getIndexes();
            if (indexes.stream().anyMatch(index -> index.isUnique() && index.canHandle(query))) {
                return false;
            }
            EqualityIndex fewest = null;
            long fewestCandidates = Long.MAX_VALUE;
            for (Index<Object> index : indexes) {
                if (index instanceof EqualityIndex equality) {
                    long candidates = equality.candidates(query, owner);
                    if (candidates >= 0 && candidates < fewestCandidates) {
                        fewest = equality;
                        fewestCandidates = candidates;
                    }
                }
            }
            return fewest == this;
        }
    }

    /** The documents holding the query's values, in id order (which a query without a sort then keeps). */
    @Override
    public Iterable<Object> getPositions(Document query) {
        AbstractMongoCollection<Object> owner = collection.get();
        synchronized (owner) {
            synchronized (this) {
                lookups++;
                if (positions == null && !unusable) {
                    build(owner);
                }
                // Unusable since canHandle (a write in between, outside the collection's lock): every document.
                return unusable ? owner.queryAllAsStream().map(EqualityIndex::positionOf).toList()
                        : matching(probe(query));
            }
        }
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> owner) {
        if (positions != null) {
            keysOf(document).forEach(key -> positions.computeIfAbsent(key, k -> new TreeSet<>(ValueComparator.asc())).add(position));
        }
    }

    /** Always null: the collection takes the position from its id index. */
    @Override
    public synchronized Object remove(Document document) {
        if (positions != null) {
            Object position = positionOf(document);
            keysOf(document).forEach(key -> forget(key, position));
        }
        return null;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
                                           MongoCollection<Object> owner) {
        if (positions != null) {
            keysOf(oldDocument).forEach(key -> forget(key, position));
            add(newDocument, position, owner);
        }
    }

    /** Null: positions come from the collection's id index. */
    @Override
    public Object getPosition(Document document) {
        return null;
    }

    /** Never empty, so that the collection does not fill it when it opens (see the class comment). */
    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public synchronized long getCount() {
        return positions == null ? 0 : positions.values().stream().mapToLong(Set::size).sum();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> owner) {
        // Not unique: nothing to refuse.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> owner) {
        // Not unique: nothing to refuse.
    }

    @Override
    public synchronized void drop() {
        positions = null;
        unusable = false;
    }

    /** How many queries this index answered. */
    synchronized long lookups() {
        return lookups;
    }

    /** How many documents the query would read through this index, or -1 if it cannot use it. */
    private synchronized long candidates(Document query, AbstractMongoCollection<Object> owner) {
        List<KeyValue> probe = probe(query);
        if (probe.isEmpty()) {
            return -1;
        }
        if (positions == null && !unusable) {
            build(owner);
        }
        return unusable ? -1 : probe.stream().mapToLong(key -> positions.getOrDefault(key, Set.of()).size()).sum();
    }

    /** Called with the collection's lock held: no write can happen meanwhile. */
    private void build(AbstractMongoCollection<Object> owner) {
        positions = new HashMap<>();
        // An empty query cannot use an index, so this reads the collection and does not come back here.
        owner.queryAllAsStream().forEach(document -> add(document, positionOf(document), owner));
    }

    /** Where the H2 backend keeps a document: under its id. */
    private static Object positionOf(Document document) {
        return Missing.ofNullable(document.get(Constants.ID_FIELD));
    }

    private void forget(KeyValue key, Object position) {
        Set<Object> at = positions.get(key);
        if (at != null && at.remove(position) && at.isEmpty()) {
            positions.remove(key);
        }
    }

    /**
     * The key values of a document, one per element of an array (as MongoDB's multikey indexes);
     * none holding null, which no query of this index asks for.
     */
    private Set<KeyValue> keysOf(Document document) {
        if (unusable) {
            return Set.of();
        }
        try {
            return getKeyValues(document).stream().filter(key -> key.stream().noneMatch(value -> value == null))
                    .collect(Collectors.toSet());
        } catch (CannotIndexParallelArraysError e) {
            unusable = true;
            positions = null;
            return Set.of();
        }
    }

    /** The positions under any of {@code keys}, in id order. */
    private List<Object> matching(List<KeyValue> keys) {
        if (keys.size() == 1) {
            return new ArrayList<>(positions.getOrDefault(keys.get(0), Set.of()));
        }
        Set<Object> union = new TreeSet<>(ValueComparator.asc());
        keys.forEach(key -> union.addAll(positions.getOrDefault(key, Set.of())));
        return new ArrayList<>(union);
    }

    /**
     * The key values a document must have one of to match the query: one when the query requires
     * one value of each key, several for a single key's {@code $in}; none when this index cannot
     * tell.
     */
    private List<KeyValue> probe(Document query) {
        List<String> keys = keys();
        if (keys.size() == 1) {
            return requiredValues(query, keys.get(0)).stream().map(KeyValue::new).toList();
        }
        List<Object> values = new ArrayList<>();
        for (String key : keys) {
            List<Object> required = requiredValues(query, key);
            if (required.size() != 1) {
                return List.of();
            }
            values.add(required.get(0));
        }
        return List.of(new KeyValue(values));
    }

    /**
     * The values {@code query} allows for {@code key}: a plain or {@code $eq} equality, or an
     * {@code $in}, at its top or in a top-level {@code $and}; empty if it allows others too. Only
     * values that equal nothing of another type qualify (text, ids, booleans); numbers compare
     * across types (2 equals 2.0).
     */
    private static List<Object> requiredValues(Document query, String key) {
        Object condition = query.get(key);
        if (isExact(condition)) {
            return List.of(condition);
        }
        if (condition instanceof Document operators && operators.size() == 1) {
            if (isExact(operators.get("$eq"))) {
                return List.of(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof List<?> anyOf && !anyOf.isEmpty() && anyOf.stream().allMatch(EqualityIndex::isExact)) {
                return List.copyOf(anyOf);
            }
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object part : conditions) {
                List<Object> required = part instanceof Document partQuery ? requiredValues(partQuery, key) : List.of();
                if (!required.isEmpty()) {
                    return required;
                }
            }
        }
        return List.of();
    }

    private static boolean isExact(Object value) {
        return value instanceof String || value instanceof ObjectId || value instanceof Boolean;
    }
}
