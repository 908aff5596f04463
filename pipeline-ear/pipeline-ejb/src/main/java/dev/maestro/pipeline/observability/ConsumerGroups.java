package dev.maestro.pipeline.observability;

import com.mongodb.client.model.Filters;
import dev.maestro.event.EventHistory;
import dev.maestro.pipeline.ra.stream.DeliveryStats;
import dev.maestro.pipeline.ra.stream.EventStreams;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.ScaleOutCollections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;
import org.bson.Document;

/**
 * The consumer groups this instance consumes in, with their counters, and how far each is
 * behind its channel: the channel's last {@code sequence_id} minus the group's checkpoint in
 * MongoDB (the checkpoint trails what the group acknowledged by a couple of seconds).
 */
@ApplicationScoped
public class ConsumerGroups {
    @Inject
    MongoConnection mongo;

    /** Reads only the adapter's process-wide counters, so that any thread may call it (a scrape of /metrics among them). */
    static List<ConsumerGroup> all() {
        return DeliveryStats.shared().snapshot().stream().map(ConsumerGroup::of).toList();
    }

    /** Events on the group's channel after its checkpoint; empty while the group has none (a new step). */
    OptionalLong lag(ConsumerGroup group) {
        String channel = EventStreams.channelOf(group.stream());
        Document checkpoint = mongo.database().getCollection(ScaleOutCollections.STEP_CHECKPOINTS)
                .find(Filters.and(Filters.eq("group", group.group()), Filters.eq("channel", channel))).first();
        if (checkpoint == null || !(checkpoint.get("through") instanceof Number through)) {
            return OptionalLong.empty();
        }
        long last = new EventHistory(mongo.database()).lastSequence(channel);
        return OptionalLong.of(Math.max(0, last - through.longValue()));
    }
}
