package dev.maestro.pipeline.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how a {@code lab_type: kubernetes} runtime runs its jobs: as Kubernetes {@code Job}s
 * in one namespace of one cluster.
 *
 * @param kubeconfig the kubeconfig file; absent: the client's usual lookup ({@code KUBECONFIG},
 *                   {@code ~/.kube/config}, or the service account when the pipeline itself
 *                   runs in a pod)
 * @param context    the kubeconfig context naming the cluster; absent: its current context
 * @param namespace  where the Jobs go; absent: the context's namespace, else {@code default}
 * @param image      the container image of jobs that name none with their own {@code image} key
 * @param requests   container resource requests ({@code cpu}, {@code memory}…, as Kubernetes quantities)
 * @param limits     container resource limits, likewise
 * @param apiUrl     the API's URL as jobs inside the cluster reach it; absent: the pipeline's own
 *                   {@code MAESTRO_API_URL}
 * @param storageUrl the storage upload endpoint as jobs inside the cluster reach it; absent: the
 *                   storage section's {@code api_url}
 */
public record KubernetesConfig(Optional<Path> kubeconfig, Optional<String> context, Optional<String> namespace,
                               Optional<String> image, Map<String, String> requests, Map<String, String> limits,
                               Optional<URI> apiUrl, Optional<URI> storageUrl) implements LabKeys {

    public KubernetesConfig {
        requests = PipelineConfig.ordered(requests);
        limits = PipelineConfig.ordered(limits);
    }
}
