/**
 * Connections to the two backing services (MongoDB for state, Redis for notification) and the
 * helpers shared by the MongoDB stores of each feature (ids, pages, exact-match filters, and the
 * group commit that combines the same write of concurrent writers into one command:
 * {@link dev.maestro.store.Combiner}, {@link dev.maestro.store.CombinedInserts}). Knows nothing
 * of the features themselves: depends on {@code error} only.
 */
package dev.maestro.store;
