package dev.maestro.node.query;

import com.mongodb.client.model.Sorts;
import dev.maestro.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * {@code sort=field}, {@code sort=-field} (descending), or several comma-separated. The node id
 * is always the last key, so pages are stable; without {@code sort}, nodes come in id
 * (insertion) order.
 */
public final class NodeSort {
    private NodeSort() {
    }

    public static Bson parse(String sort) {
        List<Bson> keys = new ArrayList<>();
        boolean byId = false;
        if (sort != null && !sort.isBlank()) {
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
        }
        if (!byId) {
            keys.add(Sorts.ascending("_id"));
        }
        return Sorts.orderBy(keys);
    }
}
