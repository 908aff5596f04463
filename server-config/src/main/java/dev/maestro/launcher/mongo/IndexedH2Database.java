package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose non-unique indexes are {@link EqualityIndex}es. mongo-java-server records
 * such an index and ignores it, so each query on anything but a unique key read the whole
 * collection.
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
}
