package dev.maestro.system.it.support;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's Kubernetes mock API server in CRUD mode, started once in the test JVM, with a
 * kubeconfig for it that the server under test reads; no controller runs there, so tests play
 * the cluster's part (pods, Job status) through {@link #client()}.
 */
public final class MockCluster {
    private static MockCluster instance;

    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;
    private final Path kubeconfig;

    private MockCluster(Path dir) {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), expectations,
                new KubernetesMixedDispatcher(expectations), false);
        server.init();
        client = server.createClient(b -> b.withHttpClientBuilderConsumer(HttpClient.Builder::preferHttp11));
        kubeconfig = dir.resolve("kubeconfig.yaml");
        try {
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: mock
                      cluster: {server: "%s"}
                    contexts:
                    - name: mock
                      context: {cluster: mock, user: pipeline}
                    current-context: mock
                    users:
                    - name: pipeline
                      user: {token: mock-token}
                    """.formatted(client.getConfiguration().getMasterUrl()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized MockCluster started() {
        if (instance == null) {
            instance = new MockCluster(SystemBackends.itDir());
        }
        return instance;
    }

    public KubernetesMockServer server() {
        return server;
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }
}
