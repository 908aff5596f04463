package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.KubernetesConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One namespace of one cluster, as a kubernetes runtime entry names it: a client, and one informer
 * that watches the Jobs this pipeline made there, so that running jobs are followed from its
 * cache instead of by asking the API server about each. The client gives up quickly on a cluster
 * that does not answer, and for a short while after that fails new calls at once, so a cluster
 * that is down costs each job a moment and the other runtimes nothing; that it is down, and that
 * it answers again, is logged once each.
 */
final class KubernetesCluster implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KubernetesCluster.class.getName());
    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MAESTRO = "maestro";
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int REQUEST_TIMEOUT_MS = 15_000;
    /** After a failed connection, calls fail at once for this long instead of each waiting for the timeout. */
    private static final Duration UNREACHABLE_HOLD = Duration.ofSeconds(20);

    private final KubernetesClient client;
    private final String namespace;
    private final String description;
    private SharedIndexInformer<Job> informer;
    private Instant unreachableSince;
    private String unreachableReason;

    private KubernetesCluster(KubernetesClient client, String namespace, String description) {
        this.client = client;
        this.namespace = namespace;
        this.description = description;
    }

    /**
     * A client for the cluster the settings name; nothing is sent to it yet.
     *
     * @throws JobRuntimeException ({@code submit_error}) when the kubeconfig or its context cannot be read
     */
    static KubernetesCluster connect(KubernetesConfig settings) {
        try {
            String context = settings.context().orElse(null);
            Config found = settings.kubeconfig().isPresent()
                    ? Config.fromKubeconfig(context, settings.kubeconfig().get().toFile())
                    : Config.autoConfigure(context);
            Config config = new ConfigBuilder(found).withConnectionTimeout(CONNECT_TIMEOUT_MS)
                    .withRequestTimeout(REQUEST_TIMEOUT_MS).withRequestRetryBackoffLimit(0).build();
            String namespace = settings.namespace().orElse(found.getNamespace() == null ? "default" : found.getNamespace());
            // The HTTP client is named, not found through the service loader, whose lookup depends on
            // the server's class loaders. HTTP/1.1: the JDK client's clear-text upgrade to HTTP/2
            // is not something every API server or proxy answers.
            KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                    .withHttpClientFactory(new JdkHttpClientFactory())
                    .withHttpClientBuilderConsumer(HttpClient.Builder::preferHttp11).build();
            String where = "Kubernetes cluster " + config.getMasterUrl()
                    + settings.context().map(c -> " (context " + c + ")").orElse("") + ", namespace " + namespace;
            return new KubernetesCluster(client, namespace, where);
        } catch (RuntimeException e) {
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "Cannot load the Kubernetes configuration"
                    + settings.kubeconfig().map(p -> " from " + p).orElse("")
                    + settings.context().map(c -> " for context " + c).orElse("") + ": " + e.getMessage(), e);
        }
    }

    String namespace() {
        return namespace;
    }

    /** The cluster's URL, context and namespace, for messages. */
    String description() {
        return description;
    }

    /**
     * Creates the job's script and secrets, then the Job, then makes the Job their owner so that the
     * cluster deletes them with it.
     */
    void create(ConfigMap script, Secret secrets, Job job) {
        call("create the Job " + job.getMetadata().getName(), () -> {
            client.configMaps().inNamespace(namespace).resource(script).create();
            client.secrets().inNamespace(namespace).resource(secrets).create();
            Job created = client.batch().v1().jobs().inNamespace(namespace).resource(job).create();
            OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                    .withName(created.getMetadata().getName()).withUid(created.getMetadata().getUid()).build();
            client.configMaps().inNamespace(namespace).withName(script.getMetadata().getName())
                    .edit(c -> owned(c, owner));
            client.secrets().inNamespace(namespace).withName(secrets.getMetadata().getName())
                    .edit(s -> owned(s, owner));
            return created;
        });
    }

    private static <T extends HasMetadata> T owned(T resource, OwnerReference owner) {
        resource.getMetadata().setOwnerReferences(List.of(owner));
        return resource;
    }

    /** The Jobs with all these labels, straight from the API server (for adopting them). */
    List<Job> jobs(Map<String, String> labels) {
        return call("list Jobs", () -> client.batch().v1().jobs().inNamespace(namespace).withLabels(labels).list().getItems());
    }

    /**
     * The Job as the informer last saw it; asks the API server when the informer has not seen it
     * (it may not have caught up with a Job just created). Empty when the Job is gone.
     */
    Optional<Job> job(String name) {
        Job cached = informer().getStore().getByKey(namespace + "/" + name);
        if (cached != null) {
            return Optional.of(cached);
        }
        return Optional.ofNullable(call("read the Job " + name,
                () -> client.batch().v1().jobs().inNamespace(namespace).withName(name).get()));
    }

    /** The newest pod of the Job with these labels. */
    Optional<Pod> pod(Map<String, String> labels) {
        return call("list the job's pods", () -> client.pods().inNamespace(namespace).withLabels(labels).list().getItems())
                .stream().max(Comparator.comparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp())));
    }

    /** What the pod printed. */
    String log(Pod pod) {
        return call("read the log of pod " + pod.getMetadata().getName(),
                () -> client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).getLog());
    }

    /** The exit status of the pod's first container that has ended. */
    static Optional<Integer> exitCode(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getState)
                .filter(s -> s != null && s.getTerminated() != null).map(s -> s.getTerminated().getExitCode())
                .filter(Objects::nonNull).findFirst();
    }

    /** Deletes the Job, its pods and what it owns (script and secrets), also if some are gone already. */
    void delete(String jobName) {
        call("delete the Job " + jobName, () -> {
            client.batch().v1().jobs().inNamespace(namespace).withName(jobName).withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
            client.configMaps().inNamespace(namespace).withName(jobName).delete();
            client.secrets().inNamespace(namespace).withName(jobName).delete();
            return null;
        });
    }

    /** The informer over this pipeline's Jobs, started on first use; it retries on its own while the cluster is away. */
    private synchronized SharedIndexInformer<Job> informer() {
        if (informer == null) {
            informer = client.batch().v1().jobs().inNamespace(namespace).withLabel(MANAGED_BY, MAESTRO)
                    .runnableInformer(0).exceptionHandler((started, error) -> true);
            informer.start();
        }
        return informer;
    }

    /**
     * Runs a call to the API server, turning its failure into a {@code submit_error} that says
     * whether the cluster could not be reached or refused.
     */
    private <T> T call(String what, Supplier<T> action) {
        synchronized (this) {
            if (unreachableSince != null && Instant.now().isBefore(unreachableSince.plus(UNREACHABLE_HOLD))) {
                throw unreachable(what, unreachableReason, null);
            }
        }
        try {
            T result = action.get();
            reachable();
            return result;
        } catch (KubernetesClientException e) {
            if (e.getCode() > 0) {
                reachable();
                throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "The " + description + " refused to " + what
                        + ": HTTP " + e.getCode() + " " + e.getMessage(), e);
            }
            String reason = rootMessage(e);
            synchronized (this) {
                if (unreachableSince == null) {
                    LOG.warning("The " + description + " cannot be reached (" + reason
                            + "); jobs sent to it fail until it answers again");
                }
                unreachableSince = Instant.now();
                unreachableReason = reason;
            }
            throw unreachable(what, reason, e);
        }
    }

    private JobRuntimeException unreachable(String what, String reason, Throwable cause) {
        return new JobRuntimeException(JobFailure.SUBMIT_ERROR, "The " + description + " cannot be reached to " + what
                + ": " + reason, cause);
    }

    private synchronized void reachable() {
        if (unreachableSince != null) {
            LOG.info("The " + description + " answers again");
            unreachableSince = null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": "
                + root.getMessage();
    }

    @Override
    public synchronized void close() {
        try {
            if (informer != null) {
                informer.stop();
            }
            client.close();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Closing the client of the " + description + " failed", e);
        }
    }
}
