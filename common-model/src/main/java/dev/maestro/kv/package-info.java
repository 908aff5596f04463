/** {@code /kv}: KernelCI's small key/value store, kept in Redis. Depends on nothing else of the project. */
package dev.maestro.kv;
