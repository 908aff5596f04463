/** {@code /kv/{ns}/{key}}: KernelCI's key/value store. Thin over {@code dev.maestro.kv}. */
package dev.maestro.api.kv;
