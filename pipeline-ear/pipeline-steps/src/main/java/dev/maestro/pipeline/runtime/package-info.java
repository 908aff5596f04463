/**
 * Runtimes run jobs. {@link dev.maestro.pipeline.runtime.JobRuntime} is the abstraction
 * (a type of lab → an implementation, see {@link dev.maestro.pipeline.runtime.JobRuntimes});
 * every runtime that runs scripts renders a job template into the same POSIX {@code sh} script
 * ({@code JobScript}, which {@code ScriptRuntime} holds for them; the jobs whose end is learnt by
 * polling their lab share {@code PolledJob}): {@link dev.maestro.pipeline.runtime.ShellRuntime} runs it as a local
 * process with a time limit, {@link dev.maestro.pipeline.runtime.DockerRuntime} in a container of
 * the job's image through the Docker Engine API (docker-java),
 * {@link dev.maestro.pipeline.runtime.KubernetesRuntime} as a Kubernetes {@code Job} through the
 * fabric8 client, followed by an informer. {@link dev.maestro.pipeline.runtime.LavaRuntime}
 * renders a LAVA job definition instead and submits it to the lab, whose callback brings the
 * results. Jobs report their own results to the API; what the pipeline learns from the runtime
 * is the exit status, whether the job ran out of time, and its output (a log file to store as an
 * artifact). Containers and cluster Jobs outlive the pipeline and are adopted again by label when
 * it starts ({@link dev.maestro.pipeline.runtime.JobRuntimes#adopt}). Depends on {@code config},
 * {@code jobs} and {@code process}.
 */
package dev.maestro.pipeline.runtime;
