/**
 * Who is calling: the token is verified by MicroProfile JWT, then each request loads the user
 * from the database so that deactivation, deletion and admin demotion take effect at once.
 */
package dev.maestro.api.auth;
