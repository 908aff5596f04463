package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import java.nio.file.Path;
import java.util.List;

/** Makes the runtime a configuration entry describes, by its lab type. */
public final class JobRuntimes {
    private JobRuntimes() {
    }

    /**
     * @param workRoot where runtimes keep one directory per job (a local job's files, a remote job's log)
     * @param instance this pipeline instance's name, which labels the jobs that outlive it (cluster Jobs);
     *                 it must stay the same across restarts, so that the instance finds its jobs again
     */
    public static JobRuntime create(RuntimeConfig config, JobTemplates templates, Path workRoot, JobEnvironment environment,
                                    String instance) {
        return switch (config.labType()) {
            case SHELL -> new ShellRuntime(config, templates, workRoot.resolve(config.name()), environment);
            case LAVA -> new LavaRuntime(config, templates, environment);
            case DOCKER -> new DockerRuntime(config, new JobScript(config, templates, environment),
                    workRoot.resolve(config.name()));
            case KUBERNETES -> new KubernetesRuntime(config, templates, workRoot.resolve(config.name()), environment,
                    instance);
            case PULL_LABS -> throw new UnsupportedOperationException(
                    "lab_type " + config.labType().wireName() + " is not implemented");
        };
    }

    /**
     * The jobs a runtime entry's lab still holds from before the pipeline restarted, for the
     * runtimes whose jobs outlive the pipeline ({@link RunningJob#detach()}); none for the others.
     *
     * @param workRoot as for {@link #create}
     * @param instance as for {@link #create}
     * @throws JobRuntimeException with {@code submit_error} when the lab cannot be reached
     */
    public static List<AdoptedJob> adopt(RuntimeConfig config, Path workRoot, String instance) {
        return switch (config.labType()) {
            case DOCKER -> DockerRuntime.adopt(config, workRoot.resolve(config.name()));
            case KUBERNETES -> KubernetesRuntime.adopt(config, workRoot.resolve(config.name()), instance);
            case SHELL, LAVA, PULL_LABS -> List.of();
        };
    }

    /** Releases what runtimes share between jobs (connections to clusters): the pipeline is stopping. */
    public static void releaseShared() {
        KubernetesRuntime.disconnectAll();
    }
}
