package dev.maestro.pipeline.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.NodeJson;
import dev.maestro.node.input.NodeReader;
import dev.maestro.pipeline.checkout.CheckoutTrigger;
import dev.maestro.pipeline.checkout.KernelRevision;
import dev.maestro.pipeline.checkout.Tarball;
import dev.maestro.pipeline.checkout.TarballMaker;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.ConfigLoader;
import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.runtime.JobEnvironment;
import dev.maestro.pipeline.runtime.JobOutcome;
import dev.maestro.pipeline.runtime.JobRequest;
import dev.maestro.pipeline.runtime.JobRuntime;
import dev.maestro.pipeline.runtime.JobRuntimes;
import dev.maestro.pipeline.planning.EventMatcher;
import dev.maestro.pipeline.planning.InheritedArtifacts;
import dev.maestro.pipeline.planning.JobNodes;
import dev.maestro.pipeline.planning.JobPlan;
import dev.maestro.pipeline.planning.ScheduledJob;
import dev.maestro.pipeline.storage.ArtifactStorages;
import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.pipeline.testing.RecordingServer;
import dev.maestro.time.Timestamps;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped example configuration and jobs, end to end without the server: a toy tree made
 * by the test, the trigger and tarball cores, the scheduler's matching, and each example job
 * run by the shell runtime against a real HTTP server that records what the jobs tell the API.
 */
class ExampleJobsTest {
    private static final String API_TOKEN = "api-token-for-jobs";
    private static final String STORAGE_TOKEN = "storage-token-for-jobs";
    private static final AtomicInteger IDS = new AtomicInteger();

    @TempDir
    static Path tmp;
    static RecordingServer server;
    static FixtureRepo repo;
    static String firstCommit;
    static PipelineConfig config;
    static MirrorStore mirrors;
    static JobRuntime shell;
    static Map<String, Object> checkout;
    static Ran kbuild;

    /** A job node that ran, and how its process ended. */
    record Ran(Map<String, Object> node, JobOutcome outcome) {
        String id() {
            return (String) node.get("id");
        }

        List<RecordingServer.Call> patches() {
            return server.calls("PATCH").stream().filter(c -> c.path().equals("/latest/node/" + id())).toList();
        }

        Map<String, Object> lastPatch() {
            List<RecordingServer.Call> patches = patches();
            assertThat(patches).as("PATCH calls of node %s", id()).isNotEmpty();
            return patches.get(patches.size() - 1).body();
        }

        List<Map<String, Object>> children() {
            return server.calls("POST").stream().map(RecordingServer.Call::body)
                    .filter(b -> id().equals(b.get("parent"))).toList();
        }

        String log() throws IOException {
            return Files.readString(outcome.logFile());
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        server = RecordingServer.start(tmp.resolve("storage"), API_TOKEN, STORAGE_TOKEN);
        repo = FixtureRepo.create(tmp.resolve("toy-linux.git"));
        firstCommit = repo.head();
        config = new ConfigLoader(Map.of("MAESTRO_DATA_DIR", tmp.toString(), "PUBLIC_BASE_URL", server.apiUrl().toString()))
                .load(Path.of(System.getProperty("maestro.example.pipeline.config")));
        mirrors = new MirrorStore(Git.withDefaultLimits(), tmp.resolve("mirrors"));
        shell = JobRuntimes.create(config.runtimes().get("shell"), config.templates(), tmp.resolve("work"),
                JobEnvironment.of(server.apiUrl(), API_TOKEN, config.storage(), STORAGE_TOKEN), "pipeline-1");
        checkout = newCheckout();
        kbuild = run(scheduled(checkoutAvailable(), "kbuild-tiny"), checkout, List.of(checkout));
        assertThat(kbuild.outcome().succeeded()).as("kbuild-tiny log:\n%s", kbuild.log()).isTrue();
        // What the API would hold after the job's PATCH.
        kbuild.node().putAll(kbuild.lastPatch());
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    private static String newId() {
        return String.format("%024x", 0x65a1f0c2000L + IDS.incrementAndGet());
    }

    /** What the trigger and the tarball step make of the toy tree's head: an available checkout. */
    static Map<String, Object> newCheckout() throws Exception {
        BuildConfig toyMain = config.buildConfigs().get("toy_main");
        CheckoutTrigger trigger = new CheckoutTrigger(Git.withDefaultLimits(), mirrors);
        String head = trigger.headCommit(config.treeOf(toyMain), toyMain).orElseThrow();
        KernelRevision revision = trigger.revision(config.treeOf(toyMain), toyMain, head);
        Map<String, Object> node = new LinkedHashMap<>(NodeJson.toJson(CheckoutTrigger.checkoutNode(revision, toyMain,
                Instant.now(), Duration.ofHours(3))));
        node.put("id", newId());
        Map<String, Object> data = map(node.get("data"));
        Map<String, Object> kernelRevision = map(data.get("kernel_revision"));
        Tarball tarball = new TarballMaker(mirrors, ArtifactStorages.open(config.storage()), tmp.resolve("scratch"))
                .make(config, kernelRevision).orElseThrow();
        node.put("state", "available");
        node.put("result", "pass");
        node.put("artifacts", Map.of("tarball", tarball.url().toString()));
        node.put("data", tarball.checkoutData(data));
        return node;
    }

    static Map<String, Object> checkoutAvailable() {
        return Map.of("op", "updated", "kind", "checkout", "name", "checkout", "state", "available", "result", "pass",
                "previous_state", "running");
    }

    static ScheduledJob scheduled(Map<String, Object> event, String job) {
        return EventMatcher.match(config, "node", event).stream().filter(s -> s.job().name().equals(job)).findFirst()
                .orElseThrow(() -> new AssertionError(job + " is not scheduled for " + event));
    }

    /** Creates the job's node as the scheduler would (the recording API gives no ids, so one is made here) and runs it. */
    static Ran run(ScheduledJob scheduled, Map<String, Object> input, List<Map<String, Object>> ancestorsNearestFirst)
            throws Exception {
        Map<String, Object> node = planned(scheduled, input);
        JobRequest request = new JobRequest(node, scheduled.job(), scheduled.platform(), InheritedArtifacts.of(ancestorsNearestFirst));
        return new Ran(node, shell.submit(request).await());
    }

    /** The job's node as the scheduler plans it for {@code input} (a node as the API gives it), with an id. */
    static Map<String, Object> planned(ScheduledJob scheduled, Map<String, Object> input) {
        JobPlan plan = JobNodes.plan(scheduled, NodeReader.read(input), Map.of(), Timestamps.now());
        assertThat(plan).isInstanceOf(JobPlan.Create.class);
        Map<String, Object> node = new HashMap<>(NodeJson.toJson(((JobPlan.Create) plan).node()));
        node.put("id", newId());
        return node;
    }

    static ScheduledJob withParams(ScheduledJob scheduled, Map<String, Object> params) {
        JobConfig job = scheduled.job();
        Map<String, Object> merged = new HashMap<>(job.params());
        merged.putAll(params);
        return new ScheduledJob(scheduled.entry(), new JobConfig(job.name(), job.kind(), job.template(), merged,
                job.kcidbTestSuite()), scheduled.runtime(), scheduled.platform());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    @Test
    void theCheckoutCarriesTheRevisionAndATarballServedAtItsPublicUrl() throws Exception {
        Map<String, Object> revision = map(map(checkout.get("data")).get("kernel_revision"));
        String describe = (String) revision.get("describe");
        assertThat(firstCommit).startsWith(describe);
        assertThat(revision).containsEntry("tree", "toy").containsEntry("branch", "main").containsEntry("commit", firstCommit)
                .containsEntry("version", Map.of("version", 6, "patchlevel", 1, "sublevel", 0, "extra", "", "name", "Toy Tree"));
        String url = ((Map<?, ?>) checkout.get("artifacts")).get("tarball").toString();
        assertThat(url).isEqualTo(server.storageBaseUrl() + "linux-toy-main-" + describe + ".tar.gz");
        assertThat(download(url)).isEqualTo(repo.archive(firstCommit, "linux-toy-main-" + describe));
    }

    @Test
    void kverPassesWhenTheMakefileMatchesTheCheckout() throws Exception {
        Ran kver = run(scheduled(checkoutAvailable(), "kver"), checkout, List.of(checkout));
        assertThat(kver.outcome().succeeded()).isTrue();
        assertThat(kver.node()).containsEntry("kind", "test").containsEntry("path", List.of("checkout", "kver"));
        assertThat(kver.patches()).singleElement().satisfies(call -> {
            assertThat(call.authorization()).isEqualTo("Bearer " + API_TOKEN);
            assertThat(call.body()).isEqualTo(Map.of("state", "done", "result", "pass"));
        });
        assertThat(kver.log()).contains("kver: Makefile declares 6.1.0; the checkout records 6.1.0");
    }

    @Test
    void kverFailsWhenTheCheckoutRecordsAnotherVersion() throws Exception {
        Map<String, Object> other = new HashMap<>(checkout);
        Map<String, Object> data = new HashMap<>(map(checkout.get("data")));
        Map<String, Object> revision = new HashMap<>(map(data.get("kernel_revision")));
        revision.put("version", Map.of("version", 7, "patchlevel", 0));
        data.put("kernel_revision", revision);
        other.put("data", data);
        Ran kver = run(scheduled(checkoutAvailable(), "kver"), other, List.of(other));
        assertThat(kver.outcome().succeeded()).isTrue();
        assertThat(kver.lastPatch()).isEqualTo(Map.of("state", "done", "result", "fail"));
    }

    @Test
    void kbuildTinyUploadsTheProgramAndReportsLikeAKbuild() throws Exception {
        assertThat(kbuild.node()).containsEntry("kind", "kbuild");
        Map<String, Object> patch = kbuild.lastPatch();
        assertThat(patch).containsEntry("state", "available").containsEntry("result", "pass");
        String programUrl = server.storageBaseUrl() + "kbuild-tiny-" + kbuild.id() + "/program";
        assertThat(patch.get("artifacts")).isEqualTo(Map.of("kernel", programUrl));
        Instant holdoff = Timestamps.parse((String) patch.get("holdoff")).orElseThrow();
        assertThat(holdoff).isBetween(Instant.now(), Instant.now().plus(Duration.ofMinutes(2)));
        byte[] program = download(programUrl);
        assertThat(new String(program, 1, 3, StandardCharsets.US_ASCII)).as("an ELF binary").isEqualTo("ELF");
        assertThat(map(kbuild.node().get("data"))).containsEntry("arch", "x86_64").containsEntry("compiler", "gcc").containsEntry("defconfig", "tinyconfig")
                .containsEntry("runtime", "shell").containsEntry("platform", "shell");
    }

    @Test
    void tinyTestsRunTheBuiltProgramAndReportOneChildPerCase() throws Exception {
        Map<String, Object> kbuildAvailable = Map.of("op", "updated", "kind", "kbuild", "name", "kbuild-tiny",
                "state", "available", "previous_state", "running");
        Ran tests = run(scheduled(kbuildAvailable, "tiny-tests"), kbuild.node(), List.of(kbuild.node(), checkout));
        assertThat(tests.outcome().succeeded()).as("log:\n%s", tests.log()).isTrue();
        assertThat(tests.children()).extracting(c -> c.get("name") + "=" + c.get("result"))
                .containsExactly("runs=pass", "prints-output=pass", "takes-arguments=pass");
        Map<String, Object> child = tests.children().get(0);
        assertThat(child).containsEntry("kind", "test").containsEntry("group", "tiny-tests").containsEntry("state", "done")
                .containsEntry("path", List.of("checkout", "kbuild-tiny", "tiny-tests", "runs"));
        assertThat(map(child.get("data"))).containsKeys("kernel_revision").containsEntry("arch", "x86_64")
                .containsEntry("platform", "shell").containsEntry("runtime", "shell");
        assertThat(tests.lastPatch()).isEqualTo(Map.of("state", "done", "result", "pass"));
    }

    @Test
    void aTestCaseFailsOnDemandAndFailsTheSuite() throws Exception {
        Map<String, Object> kbuildAvailable = Map.of("op", "updated", "kind", "kbuild", "name", "kbuild-tiny",
                "state", "available", "previous_state", "running");
        ScheduledJob failing = withParams(scheduled(kbuildAvailable, "tiny-tests"), Map.of("fail_case", "prints-output"));
        Ran tests = run(failing, kbuild.node(), List.of(kbuild.node(), checkout));
        assertThat(tests.children()).extracting(c -> c.get("name") + "=" + c.get("result"))
                .containsExactly("runs=pass", "prints-output=fail", "takes-arguments=pass");
        assertThat(tests.lastPatch()).isEqualTo(Map.of("state", "done", "result", "fail"));
        assertThat(tests.log()).contains("prints-output: made to fail by the fail_case param");
    }

    @Test
    void codeThatDoesNotCompileFailsTheBuildCleanly() throws Exception {
        repo.commit("Break hello.c", Map.of("hello.c", "int main(void) { return undeclared; }\n"));
        try {
            Map<String, Object> broken = newCheckout();
            Ran build = run(scheduled(checkoutAvailable(), "kbuild-tiny"), broken, List.of(broken));
            assertThat(build.outcome().succeeded()).isTrue();
            assertThat(build.lastPatch()).isEqualTo(Map.of("state", "done", "result", "fail"));
            assertThat(build.log()).contains("undeclared").contains("hello.c does not compile");
        } finally {
            repo.commit("Fix hello.c", Map.of("hello.c", FixtureRepo.HELLO));
        }
    }

    @Test
    void troubleThatIsNotTheCodesEndsTheJobWithAnInternalError() throws Exception {
        ScheduledJob missingSource = withParams(scheduled(checkoutAvailable(), "kbuild-tiny"), Map.of("source", "nope.c"));
        Ran build = run(missingSource, checkout, List.of(checkout));
        assertThat(build.outcome().exitCode()).isEqualTo(2);
        assertThat(build.outcome().failure()).get().extracting(f -> f.errorCode()).isEqualTo("kbuild_internal_error");
        assertThat(build.patches()).isEmpty();
        assertThat(build.log()).contains("nope.c is not in the tree");
    }

    @Test
    void aJobWhoseApiCallsAreRefusedEndsWithTheApisMessageInItsLog() throws Exception {
        JobRuntime wrongToken = JobRuntimes.create(config.runtimes().get("shell"), config.templates(), tmp.resolve("work"),
                JobEnvironment.of(server.apiUrl(), "expired-token", config.storage(), "wrong-storage-token"), "pipeline-1");
        ScheduledJob scheduled = scheduled(checkoutAvailable(), "kver");
        Map<String, Object> node = planned(scheduled, checkout);
        JobOutcome outcome = wrongToken.submit(new JobRequest(node, scheduled.job(), scheduled.platform(),
                InheritedArtifacts.of(List.of(checkout)))).await();
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.failure()).get().extracting(f -> f.errorCode()).isEqualTo("Infrastructure");
        assertThat(Files.readString(outcome.logFile()))
                .contains("maestro: PATCH node/" + node.get("id") + " failed: {\"detail\":\"Could not validate credentials\"}");
    }

    @Test
    void theToyTreeScriptMakesATreeThePipelineCanUse() throws Exception {
        Path script = Path.of(System.getProperty("maestro.example.pipeline.config")).resolveSibling("make-toy-tree.sh");
        Path tree = tmp.resolve("scripted/toy-linux.git");
        Process process = new ProcessBuilder("sh", script.toString(), tree.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        String head = Git.withDefaultLimits().remoteHead(tree.toString(), "main").orElseThrow();
        var mirror = new MirrorStore(Git.withDefaultLimits(), tmp.resolve("scripted-mirrors")).mirror("toy", tree.toString());
        mirror.update();
        assertThat(mirror.kernelVersion(head)).get().extracting(v -> v.version() + "." + v.patchlevel()).isEqualTo("6.1");
        assertThat(mirror.readFile(head, "hello.c")).get().asString().contains("int main");
        assertThat(mirror.tagsPointingAt(head)).isEmpty();
    }
}
