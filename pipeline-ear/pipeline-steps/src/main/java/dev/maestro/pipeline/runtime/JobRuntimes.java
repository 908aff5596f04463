package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import java.nio.file.Path;

/** Makes the runtime a configuration entry describes, by its lab type. */
public final class JobRuntimes {
    private JobRuntimes() {
    }

    /**
     * @param workRoot where runtimes that run jobs locally keep one directory per job
     */
    public static JobRuntime create(RuntimeConfig config, JobTemplates templates, Path workRoot, JobEnvironment environment) {
        return switch (config.labType()) {
            case SHELL -> new ShellRuntime(config, templates, workRoot.resolve(config.name()), environment);
            case LAVA -> new LavaRuntime(config, templates, environment);
            case DOCKER, KUBERNETES, PULL_LABS -> throw new UnsupportedOperationException(
                    "lab_type " + config.labType().wireName() + " is not implemented");
        };
    }
}
