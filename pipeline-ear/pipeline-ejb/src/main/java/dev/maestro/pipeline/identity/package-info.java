/**
 * Who the pipeline is to the API: the service user that owns the checkouts and job nodes it
 * creates, and the API tokens its jobs use to report on their own nodes.
 */
package dev.maestro.pipeline.identity;
