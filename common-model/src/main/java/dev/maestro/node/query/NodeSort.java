package dev.maestro.node.query;

import com.mongodb.client.model.Sorts;
import dev.maestro.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * {@code sort=field}, {@code sort=-field} (descending), or several comma-separated. The node id
 * is then always the last key, so that pages of equal sort values are stable.
 *
 * <p>Without {@code sort}, nodes come in the database's natural order, as KernelCI's do (no sort
 * at all): on the embedded database, which keeps documents by id, that is creation order; on
 * MongoDB, insertion order. Sorting by id there as well made the database sort every match
 * before it could return the first page: mongo-java-server has no ordered index (0.13 ms of its
 * CPU for a first page of checkouts unsorted, 0.40–0.45 ms sorted), and MongoDB must do the same
 * in memory whenever it answers the filter from another index.
 */
public final class NodeSort {
    private NodeSort() {
    }

    public static Bson parse(String sort) {
        if (sort == null || sort.isBlank()) {
            // An empty sort document, which MongoDB and mongo-java-server read as none; a new
            // one each time, as a BsonDocument can be changed by whoever holds it.
            return new BsonDocument();
        }
        List<Bson> keys = new ArrayList<>();
        boolean byId = false;
        for (String item : sort.split(",", -1)) {
            String s = item.trim();
            boolean descending = s.startsWith("-");
            String field = descending || s.startsWith("+") ? s.substring(1) : s;
            if (!NodeFields.isValidName(field)) {
                throw new BadRequestException("Invalid sort field: '" + item + "' (use sort=field or sort=-field)");
            }
            String name = NodeFields.storedName(field);
            byId |= name.equals("_id");
            keys.add(descending ? Sorts.descending(name) : Sorts.ascending(name));
        }
        if (!byId) {
            keys.add(Sorts.ascending("_id"));
        }
        return Sorts.orderBy(keys);
    }
}
