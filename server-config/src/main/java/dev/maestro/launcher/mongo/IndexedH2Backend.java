package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, whose databases keep their secondary indexes ({@link
 * EqualityIndex}) and order their unique ones' keys without serializing them ({@link KeyValueType}).
 */
public final class IndexedH2Backend extends H2Backend {

    /** Opens (or creates) the database file {@code fileName}. */
    public IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // The anonymous class's reference to this backend is set before H2Database's constructor
        // runs, which already opens the indexes through store().
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            MVStore store() {
                return getMvStore();
            }
        };
    }
}
