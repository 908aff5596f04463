/**
 * What the integration-test modules (src-it, pipeline-it, system-it) and http-edge's tests share: the real backing
 * services started once per test JVM before Payara Micro boots, polling with deadlines, a
 * JSON-over-HTTP client for the server under test, raw HTTP bytes on a socket, and stopping the servers a test starts itself. Depends on common-model only (for JSON);
 * nothing in the project's main code depends on it.
 */
package dev.maestro.testsupport;
