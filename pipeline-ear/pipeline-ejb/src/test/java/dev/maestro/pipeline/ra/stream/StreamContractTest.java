package dev.maestro.pipeline.ra.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.event.OrphanedEvents;
import dev.maestro.event.StoredEvent;
import dev.maestro.pipeline.ra.EventDelivery;
import dev.maestro.pipeline.ra.history.EventHistorySource;
import dev.maestro.pipeline.ra.history.MongoEventHistory;
import dev.maestro.testing.LocalBackends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The stream contract between the core and the resource adapter, which are built apart: what the
 * core's event log adds to Redis (stream name, entry fields) is what the adapter's consumer
 * reads, and what the core's stream repair records in MongoDB is what the adapter's checkpoints
 * read, so that a change on one side alone fails here rather than in a deployed pipeline. It
 * lives in the adapter's package (for the consumer's counters) but in this module, which sees both.
 */
class StreamContractTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theAdaptersConsumerReadsWhatTheEventLogAdds() throws Exception {
        String channel = "contract";
        assertThat(EventStreams.streamOf(channel)).isEqualTo(StoredEvent.streamOf(channel));
        List<EventDelivery> received = new CopyOnWriteArrayList<>();
        Timer heartbeats = new Timer("heartbeats", true);
        try (LocalBackends backends = new LocalBackends()) {
            EventLog log = new EventLog(backends.mongo().database(), backends.redis(), new CloudEventSettings("test", "test"));
            ConsumerSettings settings = new ConsumerSettings(EventStreams.streamOf(channel), "contract", "me",
                    EventFilter.parse(""), 10, 200, 60_000, 100, 3, "0", 1000);
            StreamConsumer consumer = new StreamConsumer(new RedisAddress("127.0.0.1", backends.redisServer().ports().get(0)),
                    settings, received::add, new ConsumerCounters(settings.stream(), settings.group(), settings.consumer()),
                    heartbeats, EventHistorySource.NONE);
            consumer.createGroupIfReachable();
            Thread thread = new Thread(consumer, "contract-consumer");
            thread.start();
            try {
                StoredEvent event = log.append(channel, "alice", Map.of("op", "created"), Map.of());
                Instant deadline = Instant.now().plus(WAIT);
                while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                assertThat(received).singleElement().satisfies(d -> {
                    assertThat(d.stream()).isEqualTo(StoredEvent.streamOf(channel));
                    assertThat(d.channel()).isEqualTo(event.channel());
                    assertThat(d.sequence()).isEqualTo(event.sequence());
                    assertThat(d.envelope()).isEqualTo(event.envelope());
                    assertThat(d.eventId()).as("the CloudEvent id, from the envelope").isNotBlank();
                    assertThat(d.envelope()).contains("\"" + d.eventId() + "\"");
                });
            } finally {
                consumer.stop();
                thread.join(10_000);
                heartbeats.cancel();
            }
        }
    }

    /** What the core's stream repair records as checked is what the adapter's checkpoints are held to. */
    @Test
    void theAdapterReadsHowFarTheStreamRepairHasChecked() throws Exception {
        String channel = "checked-contract";
        try (LocalBackends backends = new LocalBackends();
             MongoEventHistory history = new MongoEventHistory(backends.mongoUri())) {
            assertThat(history.streamCheckedThrough(channel)).as("no repair has looked at the channel").isEqualTo(Long.MAX_VALUE);
            EventLog log = new EventLog(backends.mongo().database(), backends.redis(), new CloudEventSettings("test", "test"));
            log.append(channel, "alice", Map.of("op", "created"), Map.of());
            StoredEvent last = log.append(channel, "alice", Map.of("op", "updated"), Map.of());
            // A minute on: every number of the channel was taken long before what the repair checks.
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
            new OrphanedEvents(backends.mongo().database(), backends.redis(), later).restream();
            assertThat(history.streamCheckedThrough(channel)).isEqualTo(last.sequence());
        }
    }
}
