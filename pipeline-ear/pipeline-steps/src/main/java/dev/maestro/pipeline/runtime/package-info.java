/**
 * Runtimes run jobs. {@link dev.maestro.pipeline.runtime.JobRuntime} is the abstraction
 * (a type of lab → an implementation, see {@link dev.maestro.pipeline.runtime.JobRuntimes});
 * every job is one POSIX {@code sh} script rendered from its template
 * ({@link dev.maestro.pipeline.runtime.JobScript}).
 * {@link dev.maestro.pipeline.runtime.ShellRuntime} runs it as a local process with a time limit;
 * {@link dev.maestro.pipeline.runtime.KubernetesRuntime} runs it as a Kubernetes {@code Job}
 * through the fabric8 client, followed by an informer and found again by its labels after a
 * restart ({@link dev.maestro.pipeline.runtime.JobRuntimes#adopt}). Jobs report their own
 * results to the API; what the pipeline learns from the runtime is the exit status, whether the
 * job ran out of time, and its output (a log file to store as an artifact). Depends on
 * {@code config}, {@code jobs} and {@code process}.
 */
package dev.maestro.pipeline.runtime;
