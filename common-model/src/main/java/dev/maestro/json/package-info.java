/**
 * JSON reading and writing shared by every layer: one configured Jackson mapper, so bodies are
 * parsed and responses written the same way everywhere (nulls kept, key order kept).
 */
package dev.maestro.json;
