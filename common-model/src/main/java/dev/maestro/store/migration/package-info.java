/**
 * Versioned changes to the database: numbered {@link dev.maestro.store.migration.Migration}s,
 * listed in order by {@link dev.maestro.store.migration.Migrations}, applied once each by
 * {@link dev.maestro.store.migration.MigrationRunner} under a lease held in MongoDB (no
 * transactions: mongo-java-server has none) and recorded in the {@code migrations} collection.
 * The first ones adopt a database that KernelCI's Python API used. Depends on the MongoDB driver
 * and on the stores whose indexes and documents it migrates.
 */
package dev.maestro.store.migration;
