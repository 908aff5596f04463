/** Test infrastructure: the real backing services, and an HTTP client for the API under test. */
package dev.maestro.it.support;
