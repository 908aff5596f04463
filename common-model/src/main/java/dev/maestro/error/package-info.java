/**
 * The one exception hierarchy of Maestro: every failure a client caused is one of these, and the
 * API's single exception mapper turns it into {@code {"detail": ...}} with the matching status.
 * Depends on nothing else in the project.
 */
package dev.maestro.error;
