/**
 * The WildFly smoke test: a WildFly distribution from Maven Central configured with
 * server-config's CLI script, the same {@code api.war} and {@code pipeline.ear} as on Payara
 * dropped into its deployments directory, and the API, the resource adapter's feed of the
 * monitor bean and the lifecycle timer checked over HTTP and in the server log. Depends on
 * test-support for the MongoDB-wire server, Redis, polling and the HTTP client.
 */
package dev.maestro.pipeline.wildfly;
