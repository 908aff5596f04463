/**
 * The node query language of {@code /nodes}, {@code /nodes/fast} and {@code /count}: query
 * parameters to a typed MongoDB filter, sort and page, and {@link dev.maestro.node.query.NodeCriteria},
 * the same conditions built in code. Every mistake is a 400 or 422, never a 500. Depends on
 * {@code error}, {@code store}, {@code time} and {@code node.field} (the fields' names and
 * types); not on the node model, so that {@code node} depends on it and not the reverse.
 */
package dev.maestro.node.query;
