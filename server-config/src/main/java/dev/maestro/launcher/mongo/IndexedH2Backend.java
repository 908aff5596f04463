package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** mongo-java-server's H2 backend, whose databases keep their secondary indexes ({@link EqualityIndex}). */
public final class IndexedH2Backend extends H2Backend {

    /** Opens (or creates) the database file {@code fileName}. */
    public IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
    }
}
