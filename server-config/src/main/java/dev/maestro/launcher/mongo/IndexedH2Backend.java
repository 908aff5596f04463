package dev.maestro.launcher.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.function.IntConsumer;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, whose databases keep their secondary indexes ({@link
 * EqualityIndex}) and order their unique ones' keys without serializing them ({@link KeyValueType}).
 */
public final class IndexedH2Backend extends H2Backend {

    private IndexedH2Backend(MVStore store) {
        super(store);
    }

    /**
     * Opens (or creates) the database file {@code fileName}. When it holds unique indexes in
     * mongo-java-server's own order (a file it wrote, or a Maestro EE older than {@link
     * KeyValueType}), {@code rebuilding} is told how many before they are filled again from their
     * documents, which reads each of their collections once.
     */
    public static IndexedH2Backend open(String fileName, IntConsumer rebuilding) {
        MVStore store = MVStore.open(fileName);
        int legacy = (int) store.getMapNames().stream().filter(IndexedH2Database::isLegacyIndexMap).count();
        if (legacy > 0) {
            rebuilding.accept(legacy);
        }
        return new IndexedH2Backend(store);
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
