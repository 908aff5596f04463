/**
 * Runtimes run jobs. {@link dev.maestro.pipeline.runtime.JobRuntime} is the abstraction
 * (a type of lab → an implementation, see {@link dev.maestro.pipeline.runtime.JobRuntimes});
 * every runtime that runs scripts renders a job template into the same POSIX {@code sh} script
 * ({@code JobScript}): {@link dev.maestro.pipeline.runtime.ShellRuntime} runs it as a local
 * process, {@link dev.maestro.pipeline.runtime.DockerRuntime} in a container of the job's image
 * through the Docker Engine API (docker-java). Jobs report their own results to the API; what
 * the pipeline learns from the runtime is the exit status, whether the job ran out of time, and
 * its output (a log file to store as an artifact). Containers outlive the pipeline and are
 * adopted again by label when it starts. Depends on {@code config}, {@code jobs} and {@code process}.
 */
package dev.maestro.pipeline.runtime;
