package dev.maestro.pipeline.patchset;

import dev.maestro.pipeline.patch.PatchDownloader;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where patches may come from: the hosts of {@code MAESTRO_PATCH_ALLOWED_HOSTS} (comma-separated
 * host names, default {@code patchwork.kernel.org}, as KernelCI's {@code allowed_domains}) and
 * this pipeline's own storage, where inline patches are kept.
 */
@ApplicationScoped
public class PatchSources {
    public static final String VARIABLE = "MAESTRO_PATCH_ALLOWED_HOSTS";

    @Inject
    @ConfigProperty(name = VARIABLE, defaultValue = "patchwork.kernel.org")
    String allowedHosts;

    @Inject
    PipelineSettings settings;

    /** The downloader for the current storage; empty while the pipeline has no configuration. */
    public Optional<PatchDownloader> downloader() {
        return settings.storage().map(storage -> new PatchDownloader(hosts(), storage));
    }

    private Set<String> hosts() {
        return Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }
}
