/**
 * The last stage of the pipeline as plain logic over node JSON maps: which earlier result a test
 * is compared with ({@link dev.maestro.pipeline.results.TestIdentity}), what a result does to
 * regressions ({@link dev.maestro.pipeline.results.RegressionRule},
 * {@link dev.maestro.pipeline.results.RegressionDrafts}), when a job is retried
 * ({@link dev.maestro.pipeline.results.JobRetryRule}), a checkout's summary
 * ({@link dev.maestro.pipeline.results.SummaryCounter}) and its mail and page
 * ({@link dev.maestro.pipeline.results.ReportRenderer}, Mustache templates beside these classes).
 * Depends on common-model's JSON helpers and on Mustache.java only; the pipeline's beans read
 * and write the nodes.
 */
package dev.maestro.pipeline.results;
