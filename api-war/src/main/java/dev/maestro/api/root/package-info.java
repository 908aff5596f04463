/** The root document ({@code GET /}), which KernelCI's Python client calls {@code hello()}. */
package dev.maestro.api.root;
