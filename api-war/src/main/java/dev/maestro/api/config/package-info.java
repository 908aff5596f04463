/**
 * Wires common-model's plain services into CDI from MicroProfile Config (KernelCI's variable
 * names where they exist, {@code MAESTRO_*} otherwise) and runs the start-up work: indexes,
 * built-in groups and the first admin.
 */
package dev.maestro.api.config;
