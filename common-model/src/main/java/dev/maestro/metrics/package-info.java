/**
 * Application metrics, sent to MicroProfile Metrics where the server has it (Payara) and dropped
 * where it does not (WildFly 37 ships no MicroProfile Metrics): the API and the pipeline count
 * through {@link dev.maestro.metrics.Metrics} and never name MicroProfile's types, so their
 * archives deploy on both. Depends on nothing else of the project.
 */
package dev.maestro.metrics;
