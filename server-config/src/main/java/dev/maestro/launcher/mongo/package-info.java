/**
 * The launcher's embedded MongoDB-wire database: mongo-java-server on an H2 file, with the
 * secondary indexes that mongo-java-server itself only records, and unique indexes whose keys are
 * ordered by value instead of by their Java serialization. Its queries then cost what the
 * matching documents cost, not what the whole collection costs. Depends on mongo-java-server's
 * core and H2 backend, and H2's MVStore, only.
 */
package dev.maestro.launcher.mongo;
