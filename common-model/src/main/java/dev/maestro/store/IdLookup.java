package dev.maestro.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Whether a document with a given {@code _id} exists. */
public final class IdLookup {
    private IdLookup() {
    }

    /**
     * A find of the id alone, limited to one. Not {@code countDocuments}: that is an aggregation,
     * which the MongoDB-wire server of tests and the launcher (mongo-java-server) answers by
     * reading the whole collection, whatever the filter.
     */
    public static boolean exists(MongoCollection<?> collection, Object id) {
        return collection.find(Filters.eq("_id", id)).projection(Projections.include("_id")).limit(1).first() != null;
    }
}
