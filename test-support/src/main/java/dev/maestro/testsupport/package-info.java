/**
 * What the integration-test modules (src-it, pipeline-it, system-it) and http-edge's tests share: the real backing
 * services started once per test JVM before Payara Micro boots, polling with deadlines, a
 * JSON-over-HTTP client for the server under test, raw HTTP bytes on a socket, stopping the servers a test starts itself, a
 * second Payara Micro beside the managed one ({@code SecondServer}) and the toy kernel tree in git
 * ({@code FixtureRepo}). Depends on common-model only (for JSON and files);
 * nothing in the project's main code depends on it.
 */
package dev.maestro.testsupport;
