/**
 * The pipeline integration suite: {@link dev.maestro.pipeline.it.PipelineIT} holds one managed
 * Payara Micro with the RAR and pipeline.war, and each feature's tests are a contract interface
 * it implements (delivery guarantees, dead letters, Redis restart, instance kill, timer, monitor).
 */
package dev.maestro.pipeline.it;
