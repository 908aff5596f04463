package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.JobKind;
import dev.maestro.pipeline.config.KubernetesConfig;
import dev.maestro.pipeline.config.WireNamed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes objects of one job, all named {@code maestro-<node id>-<job name>}: a
 * {@code ConfigMap} with the script, a {@code Secret} with the tokens, and the {@code batch/v1 Job}
 * that runs {@code sh /maestro/job.sh} in the job's image, in an empty {@code /work} directory,
 * once (no retries: a job reports its own result, and a second run would report twice), with the
 * cluster enforcing the time limit as well ({@code activeDeadlineSeconds}) in case no pipeline is
 * watching. Labels find the Job again after a restart; annotations hold what the pipeline needs
 * to watch it then.
 */
final class KubernetesJobSpec {
    static final String NODE_ID = "maestro.dev/node-id";
    static final String RUNTIME = "maestro.dev/runtime";
    static final String INSTANCE = "maestro.dev/instance";
    static final String ARTIFACT_DIRECTORY = "maestro.dev/artifact-directory";
    static final String KIND = "maestro.dev/job-kind";
    static final String TIME_LIMIT = "maestro.dev/time-limit-seconds";
    static final String SCRIPT_KEY = "job.sh";
    static final String CONTAINER = "job";
    /** Finished Jobs that no pipeline collects (their instance never came back) go after a day. */
    private static final int KEEP_FINISHED_SECONDS = 86_400;
    private static final int MAX_NAME = 63;
    /** The variables that carry secrets, kept out of the Job. */
    private static final Set<String> SECRET_VARIABLES = Set.of("MAESTRO_TOKEN", "MAESTRO_STORAGE_TOKEN");

    private KubernetesJobSpec() {
    }

    /** {@code maestro-<node id>-<job name>}, cut to a DNS label's 63 characters. */
    static String name(JobRequest request) {
        String name = "maestro-" + request.nodeId() + "-" + request.job().name().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-");
        return trimDashes(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
    }

    /** A label value made of what Kubernetes allows ({@code [A-Za-z0-9._-]}, 63 at most, alphanumeric ends). */
    static String labelValue(String text) {
        String value = text.replaceAll("[^A-Za-z0-9._-]+", "-");
        value = value.length() > MAX_NAME ? value.substring(0, MAX_NAME) : value;
        return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }

    /** The labels every object of this runtime and pipeline instance carries. */
    static Map<String, String> selector(String runtime, String instance) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(KubernetesCluster.MANAGED_BY, KubernetesCluster.MAESTRO);
        labels.put(RUNTIME, labelValue(runtime));
        labels.put(INSTANCE, labelValue(instance));
        return labels;
    }

    static Map<String, String> labels(JobRequest request, String runtime, String instance) {
        Map<String, String> labels = selector(runtime, instance);
        labels.put(NODE_ID, request.nodeId());
        return labels;
    }

    static ConfigMap script(String name, Map<String, String> labels, String script) {
        return new ConfigMapBuilder().withMetadata(meta(name, labels, Map.of())).addToData(SCRIPT_KEY, script).build();
    }

    static Secret secrets(String name, Map<String, String> labels, Map<String, String> variables) {
        Map<String, String> secret = new LinkedHashMap<>();
        SECRET_VARIABLES.forEach(v -> secret.put(v, variables.get(v)));
        return new SecretBuilder().withMetadata(meta(name, labels, Map.of())).withType("Opaque").withStringData(secret)
                .build();
    }

    /**
     * @param variables the job's environment ({@link JobScript#variables}); its tokens are taken
     *                  from the Secret, never written into the Job
     */
    static Job job(String name, Map<String, String> labels, JobRequest request, String image, KubernetesConfig settings,
                   Map<String, String> variables, Duration limit) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(ARTIFACT_DIRECTORY, request.artifactDirectory());
        annotations.put(KIND, request.job().kind().wireName());
        annotations.put(TIME_LIMIT, String.valueOf(limit.toSeconds()));
        List<EnvVar> env = new ArrayList<>();
        variables.forEach((key, value) -> env.add(SECRET_VARIABLES.contains(key)
                ? new EnvVarBuilder().withName(key).withNewValueFrom().withNewSecretKeyRef(key, name, false).endValueFrom()
                .build()
                : new EnvVar(key, value, null)));
        return new JobBuilder()
                .withMetadata(meta(name, labels, annotations))
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(Math.max(1, limit.toSeconds()))
                .withTtlSecondsAfterFinished(KEEP_FINISHED_SECONDS)
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(image)
                .withCommand("sh", "/maestro/" + SCRIPT_KEY)
                .withWorkingDir("/work")
                .withEnv(env)
                .withNewResources().withRequests(quantities(settings.requests())).withLimits(quantities(settings.limits()))
                .endResources()
                .addNewVolumeMount().withName("script").withMountPath("/maestro").withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("work").withMountPath("/work").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("script").withNewConfigMap().withName(name).withDefaultMode(0555).endConfigMap()
                .endVolume()
                .addNewVolume().withName("work").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static JobKind kind(Job job) {
        String wire = annotation(job, KIND);
        return WireNamed.fromWireName(JobKind.class, wire).orElseThrow(() -> new IllegalArgumentException(
                "Job " + job.getMetadata().getName() + " has an unknown job kind '" + wire + "'"));
    }

    static String annotation(Job job, String key) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Job " + job.getMetadata().getName() + " has no annotation " + key);
        }
        return value;
    }

    private static Map<String, Quantity> quantities(Map<String, String> amounts) {
        Map<String, Quantity> result = new LinkedHashMap<>();
        amounts.forEach((resource, amount) -> result.put(resource, new Quantity(amount)));
        return result;
    }

    private static ObjectMeta meta(String name, Map<String, String> labels, Map<String, String> annotations) {
        return new ObjectMetaBuilder().withName(name).withLabels(labels).withAnnotations(annotations).build();
    }

    private static String trimDashes(String name) {
        return name.replaceAll("-+$", "");
    }
}
