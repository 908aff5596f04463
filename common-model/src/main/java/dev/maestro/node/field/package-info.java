/**
 * The node's fields, declared once: {@link dev.maestro.node.field.NodeField} gives each top-level
 * field its wire and stored name, value type, whether null is accepted and how a request may
 * write it. The document mapping, the JSON, the request readers and the query language derive
 * their per-field behaviour from it. Depends on nothing else in the project, so that
 * {@code node}, {@code node.input} and {@code node.query} can all use it.
 */
package dev.maestro.node.field;
