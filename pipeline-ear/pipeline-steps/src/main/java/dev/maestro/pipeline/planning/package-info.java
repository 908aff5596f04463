/**
 * The scheduler's decisions, free of any I/O: which configured entries a node event fires
 * (on the transition into the filtered state only), and the job node to create for each, from
 * the triggering node, the job and the platform. The scheduler bean fetches nodes, creates the
 * job node through the node service and submits it to a runtime. Within the pipeline, depends on
 * {@code config}; of the core, on the node model ({@code Node.newNode} builds the job node).
 */
package dev.maestro.pipeline.planning;
