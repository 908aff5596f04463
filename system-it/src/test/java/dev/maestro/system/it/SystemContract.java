package dev.maestro.system.it;

import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ServerLog;
import java.time.Duration;

/**
 * What every group of system tests needs from the deployment that {@link SystemIT} holds: the
 * API at {@code /}, the pipeline at {@code /pipeline} (both on loopback, on the reserved port),
 * the admin's token and the fixture tree. Each feature's tests are an interface extending this
 * one, so that one Payara Micro boot serves them all.
 */
public interface SystemContract {
    Duration WAIT = Duration.ofSeconds(60);

    /** The API, without a token. */
    ApiClient api();

    String adminToken();

    /** The pipeline's web module ({@code /pipeline}). */
    ApiClient pipeline();

    /** The port Arquillian found Micro listening on. */
    int deployedPort();

    default ApiClient admin() {
        return api().as(adminToken());
    }

    default FixtureRepo fixture() {
        return FixtureRepo.published(SystemBackends.fixtureDir());
    }

    default boolean serverLogContains(String text) {
        return ServerLog.contains(SystemBackends.itDir(), text);
    }
}
