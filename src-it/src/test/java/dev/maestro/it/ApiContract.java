package dev.maestro.it;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.SecondServer;
import java.nio.file.Path;

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

    /**
     * The same API on a server of its own (a free port, the same backing services and settings),
     * plus the given JVM options; up once {@code /latest/} answers.
     */
    static SecondServer secondServer(String... jvmOptions) {
        return SecondServer.named("second-api").in(Path.of(System.getProperty("it.data.dir")))
                .jvmOptions(jvmOptions)
                .deploy(System.getProperty("it.war") + ":/")
                .readyWhen("/latest/", r -> r.status() == 200)
                .start();
    }
}
