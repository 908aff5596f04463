package dev.maestro.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/** One page of a listing and the number of all matches: KernelCI's {@code {items, total, limit, offset}}. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    /**
     * The requested page of the documents matching {@code filter}, oldest first. KernelCI relies on
     * MongoDB's natural order; sorting by {@code _id} gives the same order, but a stable one, so
     * that consecutive pages neither repeat nor skip documents.
     */
    public static <T> Page<T> of(MongoCollection<Document> collection, Bson filter, PageRequest page, Function<Document, T> mapping) {
        List<T> items = collection.find(filter).sort(Sorts.ascending("_id")).skip(page.offset()).limit(page.limit())
                .map(mapping::apply).into(new ArrayList<>());
        return new Page<>(items, collection.countDocuments(filter), page.limit(), page.offset());
    }

    public Map<String, Object> toJson(Function<T, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items.stream().map(item).toList());
        m.put("total", total);
        m.put("limit", limit);
        m.put("offset", offset);
        return m;
    }
}
