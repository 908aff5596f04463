package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.KubernetesConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters this pipeline talks to, one connection (client and informer) each, shared by every
 * job and runtime object that names the same kubeconfig, context and namespace: runtimes are made
 * anew for each job, connections are not.
 */
final class KubernetesClusters {
    private record Key(Optional<Path> kubeconfig, Optional<String> context, Optional<String> namespace) {
    }

    private static final Map<Key, KubernetesCluster> CLUSTERS = new ConcurrentHashMap<>();

    private KubernetesClusters() {
    }

    /** @throws JobRuntimeException ({@code submit_error}) when the kubeconfig cannot be read */
    static KubernetesCluster of(KubernetesConfig settings) {
        return CLUSTERS.computeIfAbsent(new Key(settings.kubeconfig(), settings.context(), settings.namespace()),
                key -> KubernetesCluster.connect(settings));
    }

    /** Closes every connection (the pipeline is stopping); the next use connects again. */
    static void closeAll() {
        CLUSTERS.values().removeIf(cluster -> {
            cluster.close();
            return true;
        });
    }
}
