/**
 * JSON reading and writing shared by every layer: one configured Jackson mapper, so bodies are
 * parsed and responses written the same way everywhere (nulls kept, key order kept), and the
 * typed reading of request-body fields with FastAPI-shaped 422 errors. Depends on {@code error}.
 */
package dev.maestro.json;
