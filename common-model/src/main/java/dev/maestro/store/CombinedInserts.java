package dev.maestro.store;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import dev.maestro.store.Combiner.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.Document;

/**
 * Inserts into one collection, those of concurrent writers made as one unordered
 * {@code insertMany} ({@link Combiner}: a writer alone inserts at once). For each writer it is
 * as if it had made its own {@code insertOne}: it returns once its document is written, a write
 * error of its document alone (a duplicate key, say) reaches it alone, as the
 * {@link MongoWriteException} {@code insertOne} throws, with the same code and category, and a
 * failure of the whole command reaches every writer of the batch.
 */
public final class CombinedInserts {
    /** Unordered: one document's error does not keep the others of the batch from being written. */
    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> collection;
    /** The collection's name: the one key of this combiner. */
    private final String name;
    private final Combiner<String, Document, Void> combiner = new Combiner<>((key, documents) -> insertAll(documents));

    public CombinedInserts(MongoCollection<Document> collection) {
        this.collection = collection;
        this.name = collection.getNamespace().getCollectionName();
    }

    /** Inserts {@code document}; throws its own write error, or the failure of the command that carried it. */
    public void insert(Document document) {
        combiner.submit(name, document);
    }

    private List<Outcome<Void>> insertAll(List<Document> documents) {
        try {
            collection.insertMany(documents, UNORDERED);
            return Collections.nCopies(documents.size(), Outcome.of(null));
        } catch (MongoBulkWriteException e) {
            return outcomes(e, documents.size());
        }
    }

    /**
     * Each document's own error as the exception {@code insertOne} throws. A document without one
     * was written, unless the write concern failed: then it gets the command's exception.
     */
    private static List<Outcome<Void>> outcomes(MongoBulkWriteException e, int count) {
        Outcome<Void> other = e.getWriteConcernError() == null ? Outcome.of(null) : Outcome.failed(e);
        List<Outcome<Void>> outcomes = new ArrayList<>(Collections.nCopies(count, other));
        for (BulkWriteError error : e.getWriteErrors()) {
            outcomes.set(error.getIndex(),
                    Outcome.failed(new MongoWriteException(new WriteError(error), e.getServerAddress(), e.getErrorLabels())));
        }
        return outcomes;
    }
}
