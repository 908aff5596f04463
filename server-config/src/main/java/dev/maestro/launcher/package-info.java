/**
 * The launcher behind {@code ./maestro start}: it provides what a fresh machine lacks (a
 * MongoDB-wire server, a Redis, the token key pair, the first admin's password), then runs one
 * Payara Micro with the deployables and stops everything it started on Ctrl-C.
 */
package dev.maestro.launcher;
