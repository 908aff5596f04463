/**
 * Nodes: the model ({@link dev.maestro.node.Node}, its states and results), its MongoDB
 * collection, edit rights, event payloads and {@link dev.maestro.node.NodeService}, the one
 * write path that the API and the pipeline both use. Depends on {@code error}, {@code json},
 * {@code time}, {@code store}, {@code user}, {@code event} and its own {@code node.field},
 * {@code node.kind} and {@code node.query}; never on {@code node.input}, which reads requests
 * for the API.
 */
package dev.maestro.node;
