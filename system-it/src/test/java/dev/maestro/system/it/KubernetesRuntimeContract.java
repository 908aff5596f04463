package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.MockCluster;
import dev.maestro.system.it.support.PipelineConfigFile;
import dev.maestro.system.it.support.SecondPipeline;
import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job on a {@code lab_type: kubernetes} runtime, end to end inside the deployed pipeline.war
 * (the fabric8 client and its Jackson in the server's class loaders): added to the configuration
 * while the pipeline runs, a matching event makes a Job in fabric8's mock API server with the
 * job's image; when the test, playing the cluster, ends its pod and Job, the pipeline stores the
 * pod's log as the node's {@code log} artifact, closes the node that nobody reported on, and
 * deletes the Job. A pipeline instance that starts again (the second instance, as if restarted)
 * watches again the Job it left running, by its labels, and collects it the same way.
 */
public interface KubernetesRuntimeContract extends SystemContract {
    String NAMESPACE = "maestro-it";

    @Test
    default void aJobOnAKubernetesRuntimeRunsAsAJobAndItsPodLogIsStored() throws Exception {
        withClusterConfigured(cluster -> {
            KubernetesClient client = cluster.client();

            ApiResponse probe = admin().post("/latest/node", Map.of("kind", "kbuild", "name", "k8s-probe", "state", "available",
                    "path", List.of("checkout", "k8s-probe"), "data", Map.of("arch", "x86_64")));
            assertThat(probe.status()).as(probe.toString()).isEqualTo(200);

            String nodeId = (String) PipelineTraceContract.map(Poll.until("the job's node", WAIT,
                    () -> api().get("/latest/nodes?name=in-cluster&parent=" + probe.map().get("id")).list("items"),
                    items -> !items.isEmpty()).get(0)).get("id");
            String name = "maestro-" + nodeId + "-in-cluster";
            Job job = Poll.until("the job's Job in the cluster", WAIT,
                    () -> client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name).get(), j -> j != null);
            assertThat(job.getMetadata().getLabels()).containsEntry("maestro.dev/node-id", nodeId);
            assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("maestro/it-job:1");
            assertThat(client.configMaps().inNamespace(NAMESPACE).withName(name).get().getData().get("job.sh"))
                    .contains("maestro_update");
            assertThat(api().get("/latest/node/" + nodeId).map()).containsEntry("state", "running")
                    .containsEntry("parent", probe.map().get("id"));

            jobEnded(cluster, name, nodeId, "hello from the cluster\n");

            Map<String, Object> closed = Poll.until("node " + nodeId + " to be closed", WAIT,
                    () -> api().get("/latest/node/" + nodeId).map(), n -> "done".equals(n.get("state")));
            assertThat(closed).containsEntry("result", "incomplete");
            assertThat(PipelineTraceContract.map(closed.get("data"))).containsEntry("error_code", "Infrastructure")
                    .containsEntry("runtime", "cluster");
            assertThat(storedLog(closed)).isEqualTo("hello from the cluster\n");
            Poll.until("the Job to be deleted", WAIT, () -> client.batch().v1().jobs().inNamespace(NAMESPACE).withName(name)
                    .get() == null);
        });
    }

    @Test
    default void aRestartedPipelineWatchesAgainTheJobsItLeftInTheCluster() throws Exception {
        withClusterConfigured(cluster -> {
            KubernetesClient client = cluster.client();
            // What the second instance left behind when it stopped: its job's node, running, and the Job.
            ApiResponse probe = admin().post("/latest/node", Map.of("kind", "kbuild", "name", "k8s-left", "state", "done",
                    "result", "pass", "path", List.of("checkout", "k8s-left")));
            assertThat(probe.status()).as(probe.toString()).isEqualTo(200);
            ApiResponse left = admin().post("/latest/node", Map.of("kind", "job", "name", "in-cluster", "state", "running",
                    "parent", probe.map().get("id"), "path", List.of("checkout", "k8s-left", "in-cluster")));
            assertThat(left.status()).as(left.toString()).isEqualTo(200);
            String nodeId = (String) left.map().get("id");
            String name = "maestro-" + nodeId + "-in-cluster";
            client.batch().v1().jobs().inNamespace(NAMESPACE).resource(new JobBuilder().withNewMetadata().withName(name)
                    .addToLabels("app.kubernetes.io/managed-by", "maestro").addToLabels("maestro.dev/runtime", "cluster")
                    .addToLabels("maestro.dev/instance", SecondPipeline.INSTANCE_ID).addToLabels("maestro.dev/node-id", nodeId)
                    .addToAnnotations("maestro.dev/artifact-directory", "in-cluster-" + nodeId)
                    .addToAnnotations("maestro.dev/job-kind", "job").addToAnnotations("maestro.dev/time-limit-seconds", "300")
                    .endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("job")
                    .withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build()).create();

            try (SecondPipeline second = SecondPipeline.start()) {
                Poll.until("the restarted instance to watch its Job", WAIT, () -> serverLogOf(second).contains(
                        "Adopted the job of node " + nodeId));
                jobEnded(cluster, name, nodeId, "finished while the pipeline was away\n");
                Map<String, Object> closed = Poll.until("node " + nodeId + " to be closed", WAIT,
                        () -> api().get("/latest/node/" + nodeId).map(), n -> "done".equals(n.get("state")));
                assertThat(closed).containsEntry("result", "incomplete");
                assertThat(storedLog(closed)).isEqualTo("finished while the pipeline was away\n");
                Poll.until("the Job to be deleted", WAIT, () -> client.batch().v1().jobs().inNamespace(NAMESPACE)
                        .withName(name).get() == null);
            }
        });
    }

    /** What a test does with the pipeline's configuration naming the mock cluster; the file is restored after. */
    interface ClusterTest {
        void run(MockCluster cluster) throws Exception;
    }

    private void withClusterConfigured(ClusterTest test) throws Exception {
        MockCluster cluster = MockCluster.started();
        Path file = SystemBackends.itDir().resolve(PipelineConfigFile.FILE_NAME);
        String good = Files.readString(file);
        try {
            Files.writeString(file, withCluster(good, cluster));
            awaitConfiguration();
            test.run(cluster);
        } finally {
            Files.writeString(file, good);
        }
    }

    private static String serverLogOf(SecondPipeline second) {
        try {
            return Files.readString(second.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration with a kubernetes runtime on the mock cluster, a job for it and a build config that shows the reload. */
    private static String withCluster(String good, MockCluster cluster) {
        return good
                .replace("build_configs:\n", "build_configs:\n  k8s_marker:\n    tree: toy\n    branch: k8s-marker\n"
                        + "    poll_period: 1s\n")
                .replace("jobs:\n", "jobs:\n  in-cluster:\n    kind: job\n    template: passes.sh\n"
                        + "    image: maestro/it-job:1\n")
                .replace("platforms:\n", "platforms:\n  kubernetes: {}\n")
                .replace("runtimes:\n", "runtimes:\n  cluster:\n    lab_type: kubernetes\n    kubeconfig: "
                        + cluster.kubeconfig() + "\n    namespace: " + NAMESPACE + "\n    timeout: 5m\n")
                .replace("scheduler:\n", "scheduler:\n  - job: in-cluster\n"
                        + "    event: {channel: node, kind: kbuild, state: available, name: k8s-probe}\n"
                        + "    runtime: {name: cluster}\n");
    }

    private void awaitConfiguration() {
        Poll.until("the configuration with the cluster to be in force", WAIT,
                () -> PipelineTraceContract.map(PipelineTraceContract.map(pipeline().get("/stats").map().get("steps"))
                        .get("trigger")).containsKey("k8s_marker"));
    }

    /** Plays the cluster: the Job's pod printed {@code log} and the Job completed. */
    private static void jobEnded(MockCluster cluster, String name, String nodeId, String log) {
        String pod = name + "-pod";
        cluster.client().pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(pod)
                .addToLabels("maestro.dev/node-id", nodeId).endMetadata().build()).create();
        cluster.server().expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod + "/log?pretty=false")
                .andReturn(200, log).always();
        cluster.client().batch().v1().jobs().inNamespace(NAMESPACE).withName(name).editStatus(j -> new JobBuilder(j)
                .withNewStatus().withSucceeded(1).addToConditions(new JobConditionBuilder().withType("Complete")
                        .withStatus("True").build()).endStatus().build());
    }

    private static String storedLog(Map<String, Object> node) throws Exception {
        String log = (String) PipelineTraceContract.map(node.get("artifacts")).get("log");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(log)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
