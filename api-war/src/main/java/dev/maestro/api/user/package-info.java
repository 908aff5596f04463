/** Users: login, the caller's own record, registration and the admin's user management. */
package dev.maestro.api.user;
