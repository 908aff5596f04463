/**
 * The pipeline's configuration as the beans see it: the YAML file named by
 * {@code MAESTRO_PIPELINE_CONFIG}, loaded at deployment (an invalid file fails the deployment
 * with its file:line:key message) and re-read while the pipeline runs, and what follows from it
 * (the storage backend, the upload token, the working directory), and the pipeline's own
 * MicroProfile Config keys ({@code MAESTRO_API_URL}, {@code MAESTRO_INSTANCE_ID}, …), each read
 * once in {@code PipelineSettings}.
 */
package dev.maestro.pipeline.settings;
