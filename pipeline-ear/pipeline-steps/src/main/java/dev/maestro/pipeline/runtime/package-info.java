/**
 * Runtimes run jobs. {@link dev.maestro.pipeline.runtime.JobRuntime} is the abstraction
 * (a type of lab → an implementation, see {@link dev.maestro.pipeline.runtime.JobRuntimes});
 * {@link dev.maestro.pipeline.runtime.ShellRuntime} renders a job template into a POSIX
 * {@code sh} script and runs it as a local process with a time limit. Jobs report their own
 * results to the API; what the pipeline learns from the process is its exit status, whether it
 * ran out of time, and its output (a log file to store as an artifact). Depends on
 * {@code config}, {@code jobs} and {@code process}.
 */
package dev.maestro.pipeline.runtime;
