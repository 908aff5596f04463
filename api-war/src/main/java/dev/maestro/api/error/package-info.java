/**
 * Turns every failure into KernelCI's error body {@code {"detail": ...}}: the common-model
 * exception hierarchy, JAX-RS's own errors (unknown route, wrong method), and errors raised by
 * the container before JAX-RS runs, through a servlet error page; and the log line of a refused token.
 */
package dev.maestro.api.error;
