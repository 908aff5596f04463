/**
 * Patchwork, seen from the pipeline: its REST API v1.2 (completed-series events, series, mbox
 * downloads from allowed hosts, checks posted back with a token), an mbox split into patches,
 * the signed webhook payload, and the checks a patchset's summary gives. Plain Java over
 * {@code java.net.http}; depends on {@code config} (the project entries) and common-model's JSON.
 */
package dev.maestro.pipeline.patchwork;
