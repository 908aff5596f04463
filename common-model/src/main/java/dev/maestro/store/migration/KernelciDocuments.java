package dev.maestro.store.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Documents that KernelCI's API wrote and that lack a field this code queries on. Users written
 * before fastapi-users' flags were all set get them with fastapi-users' defaults (a query for
 * superusers, which decides whether a first admin is created, must find KernelCI's admins).
 * Unfinished nodes whose timeout passed while no pipeline watched them are left to the
 * lifecycle rules, which close them as KernelCI's timeout handling would; that is said in one
 * log line rather than discovered node by node.
 */
final class KernelciDocuments {
    private static final Logger LOG = Logger.getLogger(KernelciDocuments.class.getName());
    private static final Map<String, Object> USER_DEFAULTS = Map.of(
            "is_active", true, "is_superuser", false, "is_verified", false, "groups", List.of());

    private KernelciDocuments() {
    }

    static void adopt(MongoDatabase db) {
        MongoCollection<Document> users = db.getCollection("user");
        USER_DEFAULTS.forEach((field, value) -> users.updateMany(Filters.exists(field, false), Updates.set(field, value)));
        reportOverdueNodes(db.getCollection("node"), Instant.now());
    }

    private static void reportOverdueNodes(MongoCollection<Document> nodes, Instant now) {
        var overdue = Filters.and(Filters.ne("state", "done"), Filters.lt("timeout", Date.from(now)));
        long count = nodes.countDocuments(overdue);
        if (count > 0) {
            Document oldest = nodes.find(overdue).sort(Sorts.ascending("timeout")).first();
            LOG.warning(count + " unfinished node(s) in the adopted database have a timeout that has already passed (the oldest: "
                    + oldest.getObjectId("_id").toHexString() + ", timeout " + oldest.getDate("timeout").toInstant()
                    + "); the lifecycle rules close them on their next pass, as KernelCI's timeout handling would");
        }
    }
}
