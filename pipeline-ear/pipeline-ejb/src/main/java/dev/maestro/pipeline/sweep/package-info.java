/**
 * Which pipeline instance does each periodic sweep (the lifecycle rules, the stream repair):
 * one at a time, under a lease in MongoDB that the others take over when its holder stops
 * renewing it. Depends on common-model's {@code store} ({@code Lease}, the MongoDB connection).
 */
package dev.maestro.pipeline.sweep;
