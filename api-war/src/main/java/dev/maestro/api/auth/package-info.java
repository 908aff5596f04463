/**
 * Who is calling: {@link dev.maestro.api.auth.BearerTokenFilter} checks a bearer token with
 * common-model's {@code AccessTokenVerifier} (RS256, this deployment's key, {@code iss},
 * {@code exp}), and {@link dev.maestro.api.auth.CurrentUser} loads its user, active, on first
 * use. Verified tokens are kept until they expire and users for one second
 * ({@link dev.maestro.api.auth.RecentUsers}), so a deleted, deactivated or demoted user is
 * refused within a second. Depends on common-model's security and user packages and on the
 * API's error and http packages.
 */
package dev.maestro.api.auth;
