/**
 * The pipeline's configuration as the beans see it: the YAML file named by
 * {@code MAESTRO_PIPELINE_CONFIG}, loaded at deployment (an invalid file fails the deployment
 * with its file:line:key message) and re-read while the pipeline runs, and what follows from it
 * (the storage backend, the upload token, the working directory).
 */
package dev.maestro.pipeline.settings;
