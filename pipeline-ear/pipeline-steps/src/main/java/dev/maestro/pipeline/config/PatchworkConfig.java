package dev.maestro.pipeline.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of the {@code patchwork} section: a Patchwork project whose completed series are
 * applied on a build config's branch, built and tested, and reported back as Patchwork checks.
 *
 * @param url               the Patchwork instance's root ({@code https://patchwork.kernel.org/}); the
 *                          REST API is under {@code api/1.2/}
 * @param project           the project's {@code link_name} (or numeric id) in Patchwork
 * @param tokenVariable     the environment variable holding the API token checks are posted with;
 *                          the token itself never sits in the file
 * @param buildConfig       the build config whose tree and branch a series is applied on when its
 *                          mbox names no {@code base-commit}
 * @param pollPeriod        how often Patchwork is asked for new {@code series-completed} events
 * @param reportChecks      whether checks are posted back (off: series are still tested)
 * @param mailSubmitter     whether the series' submitter is added to the report mail's recipients
 *                          (only when a {@code reports} entry covers the tree and branch)
 * @param webhookSecretVariable the environment variable holding the HMAC secret of webhook
 *                          deliveries for this project; empty: the project takes no webhook
 * @param allowedHosts      hosts patches may be downloaded from: the instance's own host and these
 * @param jobfilter         the jobs run on the project's patchsets (the patchset node's
 *                          {@code jobfilter}); empty: every job the scheduler matches
 */
public record PatchworkConfig(String name, URI url, String project, String tokenVariable, String buildConfig,
                              Duration pollPeriod, boolean reportChecks, boolean mailSubmitter,
                              Optional<String> webhookSecretVariable, List<String> allowedHosts,
                              List<String> jobfilter) {
    public PatchworkConfig {
        allowedHosts = List.copyOf(allowedHosts);
        jobfilter = List.copyOf(jobfilter);
    }

    /** The token from {@code environment}; empty when the variable is unset or blank. */
    public Optional<String> token(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(tokenVariable)).filter(t -> !t.isBlank());
    }

    /** The webhook secret from {@code environment}; empty when none is configured or set. */
    public Optional<String> webhookSecret(Map<String, String> environment) {
        return webhookSecretVariable.map(environment::get).filter(s -> !s.isBlank());
    }

    /** Whether a patch may be fetched from {@code uri}: http(s) on the instance's host or an allowed one. */
    public boolean mayFetch(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        return host != null && ("http".equals(scheme) || "https".equals(scheme))
                && (host.equalsIgnoreCase(url.getHost()) || allowedHosts.stream().anyMatch(host::equalsIgnoreCase));
    }
}
