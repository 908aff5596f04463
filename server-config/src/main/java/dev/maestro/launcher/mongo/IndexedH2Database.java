package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose non-unique indexes are {@link EqualityIndex}es. mongo-java-server records
 * such an index and ignores it, so each query on anything but a unique key read the whole
 * collection. Counts ({@link CountPipeline}) are answered as queries, so that they use the
 * indexes too. Unique indexes order their keys with {@link KeyValueType}, in maps of their own
 * name.
 */
abstract class IndexedH2Database extends H2Database {
    /**
     * Appended to mongo-java-server's name for a unique index's map. The maps it names itself are
     * ordered differently (see {@link KeyValueType}), so they cannot be read with the other order.
     */
    static final String ORDERED_SUFFIX = ".mongo-order";
    /** Between a collection's namespace and an index's name, in mongo-java-server's name for the index's map. */
    private static final String INDEX_INFIX = "._index_";

    IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    /**
     * The database's store. H2Database keeps its own private and opens the indexes from its
     * constructor, before a field of this class could be set: the backend answers instead.
     */
    abstract MVStore store();

    /**
     * The index's keys in a map ordered by {@link KeyValueType}. When mongo-java-server's own map
     * for it exists (a file written before this order, or by an older Maestro EE since), both are
     * removed: the collection then refills the new, empty map from its documents, so the index
     * holds every document whichever version wrote them.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVStore mvStore = store();
        String legacy = legacyMapName(collectionName, indexName);
        String ordered = orderedMapName(collectionName, indexName);
        if (mvStore.hasMap(legacy)) {
            mvStore.removeMap(legacy);
            mvStore.removeMap(ordered);
        }
        MVMap<KeyValue, Object> keyPositions = mvStore.openMap(ordered,
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        return new OrderedUniqueIndex(keyPositions, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store().removeMap(orderedMapName(collection.getCollectionName(), indexName));
    }

    /** Whether a map of the store is a unique index's in mongo-java-server's own order. */
    static boolean isLegacyIndexMap(String mapName) {
        return mapName.contains(INDEX_INFIX) && !mapName.endsWith(ORDERED_SUFFIX);
    }

    /** mongo-java-server's name for the index's map. */
    private String legacyMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
    }

    /** The name of the index's map in {@link KeyValueType}'s order. */
    private String orderedMapName(String collectionName, String indexName) {
        return legacyMapName(collectionName, indexName) + ORDERED_SUFFIX;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        // Called while the database opens, before its collections can be read: the index looks its
        // collection up when a query first needs it.
        return new EqualityIndex(indexName, keys, () -> (AbstractMongoCollection<Object>) resolveCollection(collectionName, true));
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        if (command.equals("aggregate") && query.get(command) instanceof String collectionName) {
            Optional<CountPipeline> count = CountPipeline.of(query.get("pipeline"));
            MongoCollection<Object> collection = resolveCollection(collectionName, false);
            if (count.isPresent() && collection != null) {
                CountPipeline pipeline = count.get();
                Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(collectionName))
                        .append("firstBatch", pipeline.answer(collection.count(pipeline.filter(), pipeline.skip(), pipeline.limit())));
                return new Document("cursor", cursor).append("ok", 1.0);
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }
}
