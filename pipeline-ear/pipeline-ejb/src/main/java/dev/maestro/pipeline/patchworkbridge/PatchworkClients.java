package dev.maestro.pipeline.patchworkbridge;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.patchwork.PatchworkClient;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** The configured Patchwork projects and a client for each, with its token from the process environment. */
@ApplicationScoped
public class PatchworkClients {
    @Inject
    PipelineSettings settings;

    public Map<String, PatchworkConfig> projects() {
        return settings.config().map(PipelineConfig::patchwork).orElse(Map.of());
    }

    public Optional<PatchworkConfig> project(String name) {
        return Optional.ofNullable(projects().get(name));
    }

    public PatchworkClient client(PatchworkConfig project) {
        return new PatchworkClient(project, project.token(System.getenv()));
    }

    /** The webhook secret of {@code project}, from the process environment. */
    public Optional<String> webhookSecret(PatchworkConfig project) {
        return project.webhookSecret(System.getenv());
    }
}
