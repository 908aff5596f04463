package dev.maestro.it;

import dev.maestro.testsupport.ApiClient;

/**
 * What every group of API tests needs from the deployment that {@link ApiIT} holds: the client
 * for the server under test and the admin's token. Each feature's tests are an interface
 * extending this one, so that one Payara Micro boot serves them all.
 */
public interface ApiContract {
    ApiClient api();

    String adminToken();

    default ApiClient admin() {
        return api().as(adminToken());
    }
}
