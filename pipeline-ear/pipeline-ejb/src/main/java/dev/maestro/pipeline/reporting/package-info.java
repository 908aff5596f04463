/**
 * The pipeline's last stage, as message-driven beans and timers around the plain logic of
 * pipeline-steps' {@code dev.maestro.pipeline.results}: regression tracking
 * ({@link dev.maestro.pipeline.reporting.RegressionTrackerBean}, consumer group
 * {@code regression}), which marks checkout summaries due, settled by
 * {@link dev.maestro.pipeline.reporting.CheckoutSummaryTimer}; job retry
 * ({@link dev.maestro.pipeline.reporting.JobRetryBean}, group {@code job-retry}, publishing on
 * the {@code retry} channel); report mail ({@link dev.maestro.pipeline.reporting.ReportMailTimer}).
 * Nodes are read and written only through common-model's {@code NodeService}; the exactly-once
 * bookkeeping (claims, tracked marks, due summaries, report records) lives in MongoDB collections
 * of its own, written with unique ids and compare-and-set. Every node query of this stage is in
 * {@link dev.maestro.pipeline.reporting.ResultQueries}.
 */
package dev.maestro.pipeline.reporting;
