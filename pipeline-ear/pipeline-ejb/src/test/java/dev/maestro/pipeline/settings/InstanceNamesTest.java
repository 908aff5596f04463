package dev.maestro.pipeline.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code MAESTRO_INSTANCE_ID} names the instance in its claims and leases and on the jobs that
 * outlive it; unset, the claims say {@code maestro} but the jobs the host name, which tells apart
 * instances that set none and stays the same across restarts.
 */
class InstanceNamesTest {

    @Test
    void aConfiguredIdNamesBoth() {
        PipelineSettings settings = new PipelineSettings();
        settings.instanceId = Optional.of("pipeline-2");
        assertThat(settings.instanceId()).isEqualTo("pipeline-2");
        assertThat(settings.jobOwner()).isEqualTo("pipeline-2");
    }

    @Test
    void withoutOneJobsCarryTheHostName() throws Exception {
        PipelineSettings settings = new PipelineSettings();
        settings.instanceId = Optional.empty();
        assertThat(settings.instanceId()).isEqualTo("maestro");
        assertThat(settings.jobOwner()).isEqualTo(InetAddress.getLocalHost().getHostName());
    }
}
