/**
 * Users: login, the caller's own record, registration and the admin's user management, user
 * groups, e-mail verification and the password flows. Thin JAX-RS boundaries over the services
 * of common-model's {@code dev.maestro.user}.
 */
package dev.maestro.api.user;
