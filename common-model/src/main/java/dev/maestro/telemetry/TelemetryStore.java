package dev.maestro.telemetry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The {@code telemetry} collection. Group-by counts and anomalies are counted here while reading
 * the matching events once (only the fields they need), which gives the same answers on MongoDB
 * and on the embedded server.
 */
public class TelemetryStore {
    public static final String COLLECTION = "telemetry";

    private final MongoCollection<Document> events;

    public TelemetryStore(MongoDatabase db) {
        this.events = db.getCollection(COLLECTION);
    }

    /** KernelCI's indexes: expiry on {@code ts} after {@code retention}, and the ones its queries use. */
    public static void createIndexes(MongoDatabase db, Duration retention) {
        MongoCollection<Document> c = db.getCollection(COLLECTION);
        c.createIndex(Indexes.ascending("ts"), new IndexOptions().name("ts_ttl").expireAfter(retention.toSeconds(), TimeUnit.SECONDS));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("kind"), Indexes.descending("ts")));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("runtime", "device_type"), Indexes.descending("ts")));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("job_name"), Indexes.descending("ts")));
        c.createIndex(Indexes.compoundIndex(Indexes.ascending("result", "is_infra_error"), Indexes.descending("ts")));
    }

    /** Stores every event (already parsed); returns how many. */
    public int insertAll(List<Document> parsed) {
        events.insertMany(parsed);
        return parsed.size();
    }

    public Page<Map<String, Object>> find(Bson filter, PageRequest page) {
        return Page.of(events, filter, page, TelemetryEvents::toJson);
    }

    /**
     * One row per distinct combination of the {@code groupBy} fields among the matching events
     * ({@code lab} reads {@code runtime}), with its counts; the largest groups first.
     */
    public List<Map<String, Object>> stats(List<String> groupBy, Bson filter) {
        Map<List<Object>, ResultCounts> groups = new LinkedHashMap<>();
        events.find(filter).projection(fieldsOf(groupBy)).forEach(event -> {
            List<Object> key = new ArrayList<>();
            for (String field : groupBy) {
                key.add(event.get(TelemetryQuery.storedField(field)));
            }
            groups.computeIfAbsent(key, k -> new ResultCounts()).add(event);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        groups.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<List<Object>, ResultCounts> e) -> e.getValue().total)
                .reversed()).forEach(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < groupBy.size(); i++) {
                        row.put(groupBy.get(i), e.getKey().get(i));
                    }
                    rows.add(e.getValue().appendTo(row));
                });
        return rows;
    }

    /** The events matching {@code filter}, newest first, with only {@code fields} (and the counted ones). */
    Iterable<Document> newestFirst(Bson filter, List<String> fields) {
        return events.find(filter).projection(fieldsOf(fields)).sort(Sorts.descending("ts"));
    }

    private static Bson fieldsOf(List<String> fields) {
        List<String> names = new ArrayList<>(List.of("ts", "result", "is_infra_error", "error_type", "error_msg"));
        fields.stream().map(TelemetryQuery::storedField).forEach(names::add);
        return Projections.include(names);
    }

    static Bson since(java.time.Instant since) {
        return Filters.gte("ts", java.util.Date.from(since));
    }
}
