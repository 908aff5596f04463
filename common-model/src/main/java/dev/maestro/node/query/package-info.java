/**
 * The node query language of {@code /nodes}, {@code /nodes/fast} and {@code /count}: query
 * parameters to a typed MongoDB filter, sort and page. Every mistake is a 400 or 422, never a 500.
 */
package dev.maestro.node.query;
