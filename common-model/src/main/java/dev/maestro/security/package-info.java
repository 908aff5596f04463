/**
 * Credentials: RS256 access tokens minted with JDK crypto (MicroProfile JWT verifies them in the
 * API), the key pair files, password hashing and single-purpose signed tokens (verify, reset).
 * Depends on {@code json}.
 */
package dev.maestro.security;
