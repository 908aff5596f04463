package dev.maestro.pipeline.ra.history;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;

/** {@link EventHistorySource} on MongoDB ({@code MONGO_SERVICE}; database {@code kernelci} unless the string names one). */
public final class MongoEventHistory implements EventHistorySource, AutoCloseable {
    /** Written by common-model's EventLog; see package-info for why the names are repeated here. */
    static final String HISTORY = "eventhistory";
    static final String COUNTERS = "eventcounters";
    static final String OUTBOX = "event_outbox";
    /** Written by common-model's stream repair: per channel, {@code {_id: "checked/<channel>", through}}. */
    static final String STREAM_AUDIT = "stream_audit";
    /**
     * The adapter's own collection: one document per consumer group and channel, {@code _id}
     * {@code <channel>/<group>} (a group name such as {@code scheduler} serves several channels).
     */
    public static final String CHECKPOINTS = "step_checkpoints";
    private static final String DEFAULT_DATABASE = "kernelci";

    private final MongoClient client;
    private final MongoCollection<Document> history;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> streamAudit;

    public MongoEventHistory(String uri) {
        ConnectionString cs = new ConnectionString(uri);
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS)).build());
        MongoDatabase db = client.getDatabase(cs.getDatabase() != null ? cs.getDatabase() : DEFAULT_DATABASE);
        history = db.getCollection(HISTORY);
        counters = db.getCollection(COUNTERS);
        checkpoints = db.getCollection(CHECKPOINTS);
        outbox = db.getCollection(OUTBOX);
        streamAudit = db.getCollection(STREAM_AUDIT);
    }

    @Override
    public long lastSequence(String channel) {
        Document counter = counters.find(Filters.eq("_id", channel)).first();
        return counter == null ? 0 : ((Number) counter.get("seq")).longValue();
    }

    @Override
    public long eachEvent(String channel, long after, long upTo, Consumer<HistoryEvent> action) {
        long[] count = {0};
        history.find(Filters.and(Filters.eq("channel", channel), Filters.gt("sequence_id", after), Filters.lte("sequence_id", upTo)))
                .projection(Projections.include("sequence_id", "envelope"))
                .sort(Sorts.ascending("sequence_id"))
                .forEach(d -> {
                    count[0]++;
                    action.accept(new HistoryEvent(channel, ((Number) d.get("sequence_id")).longValue(), d.getString("envelope")));
                });
        return count[0];
    }

    @Override
    public OptionalLong oldestUnstreamed(String channel) {
        Document oldest = outbox.find(Filters.eq("channel", channel)).sort(Sorts.ascending("sequence_id")).limit(1).first();
        return oldest == null ? OptionalLong.empty() : OptionalLong.of(((Number) oldest.get("sequence_id")).longValue());
    }

    @Override
    public long streamCheckedThrough(String channel) {
        Document checked = streamAudit.find(Filters.eq("_id", "checked/" + channel)).first();
        if (checked == null) {
            return Long.MAX_VALUE;
        }
        return checked.get("through") instanceof Number through ? through.longValue() : NOT_CHECKED;
    }

    @Override
    public Optional<Checkpoint> checkpoint(String group, String channel) {
        return Optional.ofNullable(checkpoints.find(Filters.eq("_id", checkpointId(group, channel))).first())
                .map(d -> new Checkpoint(((Number) d.get("through")).longValue(), d.getString("incarnation")));
    }

    @Override
    public void resetCheckpoint(String group, String channel, Checkpoint checkpoint) {
        String id = checkpointId(group, channel);
        checkpoints.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("group", group).append("channel", channel)
                .append("through", checkpoint.through()).append("incarnation", checkpoint.incarnation())
                .append("updated", new Date()), new ReplaceOptions().upsert(true));
    }

    @Override
    public boolean advanceCheckpoint(String group, String channel, Checkpoint checkpoint) {
        return checkpoints.updateOne(Filters.and(Filters.eq("_id", checkpointId(group, channel)),
                        Filters.eq("incarnation", checkpoint.incarnation())),
                Updates.combine(Updates.set("through", checkpoint.through()), Updates.set("updated", new Date())))
                .getMatchedCount() == 1;
    }

    /** Keep in step with common-model's migration 6, which gave older checkpoints this id. */
    private static String checkpointId(String group, String channel) {
        return channel + "/" + group;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public void close() {
        client.close();
    }
}
