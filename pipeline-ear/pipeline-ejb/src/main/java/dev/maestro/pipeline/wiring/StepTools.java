package dev.maestro.pipeline.wiring;

import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The steps' shared tools. One {@link MirrorStore} per server, because it hands out one lock
 * per tree mirror: the trigger and every tarball bean instance fetch into the same directories.
 */
@ApplicationScoped
public class StepTools {

    /** Network operations get long limits: a first fetch of a kernel tree takes many minutes. */
    @Produces
    @Singleton
    Git git(@ConfigProperty(name = "MAESTRO_GIT_NETWORK_TIMEOUT_SECONDS", defaultValue = "1800") long networkSeconds) {
        return new Git(Duration.ofSeconds(networkSeconds), Duration.ofMinutes(5));
    }

    @Produces
    @Singleton
    MirrorStore mirrors(Git git, PipelineSettings settings) {
        return new MirrorStore(git, settings.workDirectory().resolve("mirrors"));
    }
}
