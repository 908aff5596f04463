/**
 * The EAR smoke test: {@code pipeline.ear} on a full Payara Server run with asadmin, its timer
 * and its message-driven bean checked over HTTP and in the server log.
 */
package dev.maestro.pipeline.smoke;
