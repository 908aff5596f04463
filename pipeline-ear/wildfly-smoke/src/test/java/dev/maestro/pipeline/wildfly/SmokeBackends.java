package dev.maestro.pipeline.wildfly;

import dev.maestro.testsupport.SuiteBackends;

/** The smoke test's backing services: test-support's MongoDB-wire server and Redis, nothing more. */
public class SmokeBackends extends SuiteBackends {
}
