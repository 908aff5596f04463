package dev.maestro.pipeline.ra.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

class ProcessSettingsTest {

    @Test
    void readsTheSameNamesAsTheRestOfMaestro() {
        ProcessSettings s = ProcessSettings.from(Map.of("REDIS_HOST", "redis", "MAESTRO_REDIS_PORT", "6390",
                "MAESTRO_INSTANCE_ID", "pipeline-2", "MAESTRO_CLAIM_IDLE_SECONDS", "15", "MAESTRO_MAX_DELIVERIES", "3",
                "MONGO_SERVICE", "mongodb://db:27017")::get);
        assertThat(s).isEqualTo(new ProcessSettings(new RedisAddress("redis", 6390), "pipeline-2", 15_000, 3,
                Optional.of("mongodb://db:27017")));
    }

    @Test
    void aPortInRedisHostWinsAndDefaultsFillTheRest() {
        ProcessSettings s = ProcessSettings.from(Map.of("REDIS_HOST", "10.0.0.5:7000", "MAESTRO_REDIS_PORT", "6390")::get);
        assertThat(s.redis()).isEqualTo(new RedisAddress("10.0.0.5", 7000));
        assertThat(s.instanceId()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(s.claimIdleMillis()).isEqualTo(60_000);
        assertThat(s.maxDeliveries()).isEqualTo(5);
        assertThat(s.mongoService()).isEmpty();
        assertThat(ProcessSettings.from(name -> null).redis()).isEqualTo(new RedisAddress("127.0.0.1", 6379));
    }

    @Test
    void nonPositiveLimitsAreRejected() {
        assertThatThrownBy(() -> ProcessSettings.from(Map.of("MAESTRO_MAX_DELIVERIES", "0")::get))
                .hasMessageContaining("MAESTRO_MAX_DELIVERIES");
    }

    @Test
    void newGroupsStartAtTheEndOrAtAGivenEntry() {
        assertThat(ConsumerSettings.startIdOf("$")).isEqualTo(StreamEntryID.XGROUP_LAST_ENTRY);
        assertThat(ConsumerSettings.startIdOf("0")).isEqualTo(new StreamEntryID(0, 0));
        assertThat(ConsumerSettings.startIdOf("1700000000000-3")).isEqualTo(new StreamEntryID(1700000000000L, 3));
        assertThatThrownBy(() -> ConsumerSettings.startIdOf("latest")).hasMessageContaining("startFrom");
    }
}
