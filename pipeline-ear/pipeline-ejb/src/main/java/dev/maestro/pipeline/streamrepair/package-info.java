/**
 * Keeps the Redis streams complete: events stored while Redis was down are added to their
 * streams once it is back, so the pipeline's consumer groups (which read only the streams) lose
 * nothing.
 */
package dev.maestro.pipeline.streamrepair;
