/**
 * Request bodies as nodes: reading a node, a PATCH, a hierarchy and a batch flag update from
 * parsed JSON, with FastAPI-style 422 errors for every shape or type problem. Used by the API
 * only (the pipeline builds nodes with {@link dev.maestro.node.Node#newNode}). Depends on
 * {@code node}, {@code node.field}, {@code error}, {@code store} and {@code time}.
 */
package dev.maestro.node.input;
