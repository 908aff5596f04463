/**
 * Who the pipeline is to the API, and who may call it: the service user that owns the checkouts
 * and job nodes it creates, the API tokens its jobs use to report on their own nodes, and the
 * check of the callers of its service API (this deployment's access tokens plus a permission).
 * Depends on the core's {@code security}, {@code settings}, {@code user} and {@code store}.
 */
package dev.maestro.pipeline.identity;
