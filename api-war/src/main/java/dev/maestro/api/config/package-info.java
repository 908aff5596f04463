/**
 * Wires common-model's plain services into CDI ({@code Services}), from the core's
 * {@code SharedSettings} (the keys the API shares with the pipeline, read once) and MicroProfile
 * Config for the API's own keys (KernelCI's variable names where they exist, {@code MAESTRO_*}
 * otherwise), and runs the start-up work: indexes, built-in groups and the first admin.
 */
package dev.maestro.api.config;
