/**
 * What the pipeline's service API does, behind pipeline-web's thin resources: custom checkouts
 * (through the trigger's {@code Checkouts}) and jobs run again by hand (through the job retry's
 * {@code retry} channel). Callers are checked by {@code identity} before these are reached.
 */
package dev.maestro.pipeline.service;
