package dev.maestro.pipeline.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The keys of a {@code lab_type: lava} runtime. The two secrets are usually written as
 * {@code ${VAR}} so that they come from the server's environment, never from the file itself;
 * {@link #toString()} leaves them out.
 *
 * @param url               the LAVA server's root ({@code <url>/api/v0.2/jobs/} takes the jobs)
 * @param token             the REST API token of the submitting LAVA user ({@code Authorization: Token …})
 * @param callbackTokenName the name under which that user stored the callback token in LAVA
 *                          ({@code notify.callback.token} of each job definition)
 * @param callbackToken     that token's value, which LAVA sends back in the callback's {@code Authorization} header
 * @param callbackUrl       the pipeline's address as LAVA reaches it, when it is not {@code MAESTRO_PIPELINE_URL}
 * @param priority          scales a job's priority (0–100) by {@code priority/100}, as KernelCI does
 * @param priorityRange     otherwise maps it onto {@code [min, max]}
 * @param queueTimeout      how long a job may wait in LAVA's queue ({@code timeouts.queue})
 */
public record LavaConfig(URI url, String token, String callbackTokenName, String callbackToken,
                         Optional<URI> callbackUrl, Optional<Integer> priority, Optional<PriorityRange> priorityRange,
                         Optional<Duration> queueTimeout) implements LabKeys {

    /** LAVA's priorities run from 0 to 100. */
    public record PriorityRange(int min, int max) {
    }

    @Override
    public String toString() {
        return "LavaConfig[url=" + url + ", callbackTokenName=" + callbackTokenName + ", callbackUrl="
                + callbackUrl.orElse(null) + ", priority=" + priority.orElse(null) + ", priorityRange="
                + priorityRange.orElse(null) + ", queueTimeout=" + queueTimeout.orElse(null) + "]";
    }
}
