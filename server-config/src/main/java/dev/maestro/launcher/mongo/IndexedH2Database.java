package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose non-unique indexes are {@link EqualityIndex}es. mongo-java-server records
 * such an index and ignores it, so each query on anything but a unique key read the whole
 * collection. Counts ({@link CountPipeline}) are answered as queries, so that they use the
 * indexes too.
 */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
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
