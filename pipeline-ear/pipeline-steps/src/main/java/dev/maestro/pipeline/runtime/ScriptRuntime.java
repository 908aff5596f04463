package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.RuntimeConfig;

/**
 * A runtime that runs the job's {@link JobScript} (a local shell, a Docker container, a
 * Kubernetes Job): what it generates for inspection is that script, whatever runs it.
 */
abstract class ScriptRuntime implements JobRuntime {
    final RuntimeConfig config;
    final JobScript script;

    ScriptRuntime(RuntimeConfig config, JobScript script) {
        this.config = config;
        this.script = script;
    }

    @Override
    public final RuntimeConfig config() {
        return config;
    }

    @Override
    public final String generate(JobRequest request) {
        return script.render(request);
    }
}
