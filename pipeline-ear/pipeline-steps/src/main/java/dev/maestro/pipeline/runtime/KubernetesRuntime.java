package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.KubernetesConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs jobs as Kubernetes {@code Job}s (see {@link KubernetesJobSpec}): the same script the shell
 * runtime renders, in the job's {@code image} (else the runtime's), with the runtime's resources.
 * The job reports its own result to the API, exactly as a shell job does; the pipeline follows the
 * Job through the cluster's informer, stores its pod's log, deletes it when it overruns its limit,
 * and finds it again by its labels when the pipeline restarts.
 *
 * <p>Jobs are labelled with this pipeline instance's name (the pipeline's settings give it), so
 * that with several instances on one cluster each re-adopts only its own.
 */
public final class KubernetesRuntime extends ScriptRuntime {
    private static final Logger LOG = Logger.getLogger(KubernetesRuntime.class.getName());

    private final KubernetesConfig settings;
    /** The same script, with the API and storage URLs as pods in the cluster reach them. */
    private final JobScript inCluster;
    private final Path workRoot;
    private final String instance;

    /**
     * Pods' logs are fetched into directories under {@code workRoot}, which is created if needed.
     *
     * @param instance this pipeline instance's name, which labels its Jobs; it must stay the same across restarts
     */
    public KubernetesRuntime(RuntimeConfig config, JobTemplates templates, Path workRoot, JobEnvironment environment,
                             String instance) {
        super(config, new JobScript(config, templates, environment));
        this.settings = config.kubernetes().orElseThrow(() -> new IllegalArgumentException(
                "Runtime " + config.name() + " has no Kubernetes settings"));
        this.inCluster = new JobScript(config, templates, new JobEnvironment(
                settings.apiUrl().orElse(environment.apiUrl()), environment.apiToken(),
                settings.storageUrl().orElse(environment.storageApiUrl()), environment.storageBaseUrl(),
                environment.storageToken()));
        this.workRoot = workRoot.toAbsolutePath().normalize();
        this.instance = instance;
    }

    /** Closes the connections to every cluster (the pipeline is stopping). */
    public static void disconnectAll() {
        KubernetesClusters.closeAll();
    }

    @Override
    public KubernetesJob submit(JobRequest request) {
        String image = image(request);
        String text = generate(request);
        Duration limit = request.timeLimit(config);
        Map<String, String> variables = inCluster.variables(request);
        String name = KubernetesJobSpec.name(request);
        Map<String, String> labels = KubernetesJobSpec.labels(request, config.name(), instance);
        KubernetesCluster cluster = KubernetesClusters.of(settings);
        try {
            cluster.create(KubernetesJobSpec.script(name, labels, text), KubernetesJobSpec.secrets(name, labels, variables),
                    KubernetesJobSpec.job(name, labels, request, image, settings, variables, limit));
        } catch (JobRuntimeException e) {
            removePartial(cluster, name);
            throw e;
        }
        LOG.info("Created Job " + name + " for node " + request.nodeId() + " in the " + cluster.description()
                + " (image " + image + ", limit " + limit.toSeconds() + " s)");
        return new KubernetesJob(cluster, name, request.nodeId(), request.job().kind(), Instant.now(), limit,
                workRoot, request.artifactDirectory());
    }

    /** A job half made (its script but no Job) would block the name; remove what is there. */
    private static void removePartial(KubernetesCluster cluster, String name) {
        try {
            cluster.delete(name);
        } catch (JobRuntimeException e) {
            LOG.fine("Nothing of Job " + name + " removed: " + e.getMessage());
        }
    }

    /**
     * The Jobs this pipeline instance left in the runtime's cluster before it last stopped, still
     * running or ended without anyone collecting their log, to be watched again.
     *
     * @param workRoot as for the constructor
     * @param instance as for the constructor
     * @throws JobRuntimeException with {@code submit_error} when the cluster cannot be asked
     */
    public static List<AdoptedJob> adopt(RuntimeConfig config, Path workRoot, String instance) {
        KubernetesCluster cluster = KubernetesClusters.of(config.kubernetes().orElseThrow(() -> new IllegalArgumentException(
                "Runtime " + config.name() + " has no Kubernetes settings")));
        Path root = workRoot.toAbsolutePath().normalize();
        List<AdoptedJob> adopted = new ArrayList<>();
        for (Job job : cluster.jobs(KubernetesJobSpec.selector(config.name(), instance))) {
            String name = job.getMetadata().getName();
            try {
                String nodeId = job.getMetadata().getLabels().get(KubernetesJobSpec.NODE_ID);
                if (nodeId == null || !nodeId.matches("[0-9a-f]{24}")) {
                    throw new IllegalArgumentException("its label " + KubernetesJobSpec.NODE_ID + " is not a node id");
                }
                String directory = KubernetesJobSpec.annotation(job, KubernetesJobSpec.ARTIFACT_DIRECTORY);
                Duration limit = Duration.ofSeconds(Long.parseLong(KubernetesJobSpec.annotation(job,
                        KubernetesJobSpec.TIME_LIMIT)));
                String created = job.getMetadata().getCreationTimestamp();
                Instant started = created == null ? Instant.now() : Instant.parse(created);
                adopted.add(new AdoptedJob(nodeId, directory, new KubernetesJob(cluster, name, nodeId,
                        KubernetesJobSpec.kind(job), started, limit, root, directory)));
            } catch (RuntimeException e) {
                LOG.warning("Job " + name + " in the " + cluster.description() + " is not one this pipeline can watch ("
                        + e.getMessage() + "); leaving it alone");
            }
        }
        if (!adopted.isEmpty()) {
            LOG.info("Adopted " + adopted.size() + " Job(s) of runtime " + config.name() + " in the "
                    + cluster.description());
        }
        return adopted;
    }

    private String image(JobRequest request) {
        if (!request.job().image().isBlank()) {
            return request.job().image();
        }
        return settings.image().orElseThrow(() -> new JobRuntimeException(JobFailure.INVALID_JOB_PARAMS, "Job "
                + request.job().name() + " has no image, and runtime " + config.name() + " has no default image"));
    }
}
