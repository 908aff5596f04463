/**
 * Node kinds and the schema of {@code data} for each (400 with every problem listed), and the
 * translation of kernel version strings to integers. Works on a node's kind and {@code data}, not
 * on the node model, so that {@code node} depends on it and not the reverse. Depends on
 * {@code error} and {@code store}.
 */
package dev.maestro.node.kind;
