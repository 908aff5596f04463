/**
 * Node kinds and the schema of {@code data} for each (400 with every problem listed), and the
 * translation of kernel version strings to integers.
 */
package dev.maestro.node.kind;
