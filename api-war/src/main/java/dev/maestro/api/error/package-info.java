/**
 * Turns every failure into KernelCI's error body {@code {"detail": ...}}: the common-model
 * exception hierarchy, JAX-RS's own errors (unknown route, wrong method), and errors raised by
 * the container before JAX-RS runs (a rejected token), through a servlet error page.
 */
package dev.maestro.api.error;
