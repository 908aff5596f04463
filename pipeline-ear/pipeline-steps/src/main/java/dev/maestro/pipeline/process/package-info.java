/**
 * Local processes: starting a command in its own session so that its whole tree can be killed,
 * and running short commands to completion with a time limit. Used by {@code git} and
 * {@code runtime}; depends on nothing else in the pipeline.
 */
package dev.maestro.pipeline.process;
