/**
 * Node endpoints: create, read, update (PUT/PATCH), hierarchy submit, batch flag update and the
 * queries ({@code /nodes}, {@code /nodes/fast}, {@code /count}). Thin: they parse, authenticate
 * and call common-model's {@code NodeService}, the one write path.
 */
package dev.maestro.api.node;
