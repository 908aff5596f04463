package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.maestro.json.Json;
import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.system.it.support.PipelineConfigFile;
import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.FakePatchwork;
import dev.maestro.testing.Mails;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The Patchwork bridge against a real HTTP server serving Patchwork's REST API v1.2 shapes
 * ({@link FakePatchwork}), with series made by {@code git format-patch} on the fixture tree: the
 * project is added to the running pipeline's configuration file (the pipeline reloads it); a
 * 3-patch series is applied, built and tested and each patch gets its checks with the states of
 * the patchset's summary, once, posted after Patchwork comes back from an outage, and the
 * submitter gets the report mail (the project opts in); a series that does not apply gets {@code fail} checks naming the patch;
 * completed series are recorded once each across a stop and start of the bridge (the cursor and
 * the series records are in MongoDB); and the signed webhook refuses a bad signature (401) and a
 * malformed payload (422) and records a duplicate delivery once.
 */
public interface PatchworkContract extends SystemContract {
    String TOKEN = "it-patchwork-token";
    /** The header and its form as the README documents them, computed here independently of the pipeline's code. */
    String SIGNATURE_HEADER = "X-Patchwork-Signature";
    String SECRET = "it-webhook-secret";
    /** The series of the tests below that are not about results run one quick job. */
    String QUICK_JOBS = "[kver]";
    /** A build and tests, without the jobs of other contracts that fail or hang on purpose. */
    String TESTED_JOBS = "[kver, kbuild-tiny, tiny-tests]";
    Duration SERIES_WAIT = Duration.ofMinutes(4);

    @Test
    default void aThreePatchSeriesIsAppliedBuiltAndTestedAndEveryPatchGetsItsChecks() throws IOException {
        try (FakePatchwork patchwork = FakePatchwork.start("toy", TOKEN)) {
            String base = fixture().headSha();
            long series = patchwork.addSeries("hello: three changes", "Ann Author", "ann@example.org",
                    fixture().formatPatchSeries(base, List.of(
                            Map.of("hello.c", FixtureRepo.HELLO.replace("hello from the toy tree", "hello from a Patchwork series")),
                            Map.of("PATCHWORK", "a file the series adds\n"),
                            Map.of("CHANGES", "the series' own line\n"))));
            List<Long> patches = patchwork.patchIds(series);
            patchwork.complete(series);
            patchwork.checksDown(true);
            withProject("toy-series", patchwork, "jobfilter: " + TESTED_JOBS + "\nmail_submitter: true", () -> {
                String id = "toy-series/series:" + series;
                Poll.until("a check post to fail while Patchwork is down", SERIES_WAIT, () -> seriesEntry("toy-series", id),
                        e -> String.valueOf(e.get("last_error")).contains("503"));
                assertThat(patchwork.checks()).isEmpty();
                patchwork.checksDown(false);
                Map<String, Object> reported = awaitReported("toy-series", id);
                String patchset = (String) reported.get("patchset");
                Map<String, Object> node = api().get("/latest/node/" + patchset).map();
                assertThat(node).containsEntry("kind", "checkout").containsEntry("name", "patchset").containsEntry("result", "pass");
                Map<String, Object> data = PipelineTraceContract.map(node.get("data"));
                assertThat(PipelineTraceContract.map(data.get("kernel_revision"))).containsEntry("commit", base);
                Map<String, Object> origin = PipelineTraceContract.map(data.get("patchset"));
                assertThat(origin).containsEntry("submitter_email", "ann@example.org").containsEntry("project", "toy-series");
                assertThat(PipelineTraceContract.map(origin.get("patchwork"))).containsEntry("series_id", (int) series);

                Map<String, Object> summary = pipeline().get("/summary/" + patchset).map();
                Map<String, Object> tests = PipelineTraceContract.map(summary.get("tests"));
                assertThat(PipelineTraceContract.map(summary.get("builds"))).containsEntry("total", 1).containsEntry("pass", 1);
                String testState = ((Number) tests.get("fail")).intValue() > 0 ? "fail"
                        : ((Number) tests.get("incomplete")).intValue() > 0 ? "warning" : "success";
                List<FakePatchwork.Check> checks = patchwork.checks();
                assertThat(checks).hasSize(6).allSatisfy(c -> assertThat(c.targetUrl()).endsWith("/pipeline/summary/" + patchset));
                for (long patch : patches) {
                    assertThat(checks).filteredOn(c -> c.patchId() == patch)
                            .extracting(FakePatchwork.Check::context, FakePatchwork.Check::state, FakePatchwork.Check::description)
                            .containsExactlyInAnyOrder(
                                    tuple("maestro-builds", "success", "1 builds: 1 pass, 0 fail, 0 incomplete"),
                                    tuple("maestro-tests", testState, tests.get("total") + " tests: " + tests.get("pass") + " pass, "
                                            + tests.get("fail") + " fail, " + tests.get("skip") + " skip, " + tests.get("incomplete")
                                            + " incomplete"));
                }
                assertThat(reported).containsEntry("checks", 6).containsEntry("checks_posted", 6);
                Poll.until("the submitter to get the patchset's report", SERIES_WAIT, () -> Arrays.stream(
                        SystemBackends.mail().getReceivedMessages()).anyMatch(m -> Mails.isTo(m, "ann@example.org")));
            });
        }
    }

    @Test
    default void aSeriesThatDoesNotApplyGetsFailChecksNamingThePatch() throws IOException {
        try (FakePatchwork patchwork = FakePatchwork.start("toy", TOKEN)) {
            String base = fixture().headSha();
            List<String> mails = new ArrayList<>(fixture().formatPatchSeries(base, List.of(
                    Map.of("hello.c", FixtureRepo.HELLO + "/* one */\n"),
                    Map.of("hello.c", FixtureRepo.HELLO + "/* one */\n/* two */\n"))));
            // the second patch was made on another tree: its context no longer matches
            assertThat(mails.get(1)).contains("\n /* one */\n");
            mails.set(1, mails.get(1).replace("\n /* one */\n", "\n /* uno */\n"));
            long series = patchwork.addSeries("hello: two comments", "Ann Author", "ann@example.org", mails);
            patchwork.complete(series);
            withProject("toy-broken", patchwork, () -> {
                awaitReported("toy-broken", "toy-broken/series:" + series);
                assertThat(patchwork.checks()).hasSize(2).allSatisfy(c -> {
                    assertThat(c.state()).isEqualTo("fail");
                    assertThat(c.context()).isEqualTo("maestro-apply");
                    assertThat(c.description()).contains("patch1 (patch 2 of 2) does not apply");
                }).extracting(FakePatchwork.Check::patchId).containsExactlyInAnyOrderElementsOf(patchwork.patchIds(series));
            });
        }
    }

    @Test
    default void theWebhookChecksItsSignatureAndPayloadAndRecordsASeriesOnce() throws IOException {
        try (FakePatchwork patchwork = FakePatchwork.start("toy", TOKEN)) {
            long series = patchwork.addSeries("hello: comment", "Ann Author", "ann@example.org",
                    one("/* webhook */"));
            long patch = patchwork.patchIds(series).get(0);
            withProject("toy-hook", patchwork, () -> {
                String body = Json.write(payload(patchwork.url(), series, patch));

                assertThat(deliver(body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
                HttpResponse<String> unsigned = deliver(body, null);
                assertThat(unsigned.statusCode()).isEqualTo(401);
                assertThat(unsigned.body()).contains("X-Patchwork-Signature");

                String malformed = "{\"submitter\": {\"email\": \"ann@example.org\"}}";
                HttpResponse<String> refused = deliver(malformed, sign(malformed));
                assertThat(refused.statusCode()).isEqualTo(422);
                assertThat(Json.readMap(refused.body())).containsEntry("detail", "patches: a non-empty list is required");

                String elsewhere = body.replace("http://127.0.0.1:", "http://localhost:");
                HttpResponse<String> disallowed = deliver(elsewhere, sign(elsewhere));
                assertThat(disallowed.statusCode()).isEqualTo(422);
                assertThat(disallowed.body()).contains("host localhost is not among the allowed hosts");

                HttpResponse<String> first = deliver(body, sign(body));
                assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
                assertThat(Json.readMap(first.body())).containsEntry("series", "toy-hook/series:" + series).containsEntry("created", true);
                HttpResponse<String> again = deliver(body, sign(body));
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(Json.readMap(again.body())).containsEntry("created", false);
                assertThat(seriesIds("toy-hook")).containsExactly("toy-hook/series:" + series);
            });
        }
    }

    @Test
    default void polledSeriesAreRecordedOnceEachAcrossAStopAndStartOfTheBridge() throws IOException {
        try (FakePatchwork patchwork = FakePatchwork.start("toy", TOKEN)) {
            long first = patchwork.addSeries("one", "Ann", "ann@example.org", one("/* 1 */"));
            long second = patchwork.addSeries("two", "Ann", "ann@example.org", one("/* 2 */"));
            long third = patchwork.addSeries("three", "Ann", "ann@example.org", one("/* 3 */"));
            patchwork.complete(first);
            patchwork.complete(second);
            withProject("toy-poll", patchwork, () -> Poll.until("the two completed series to be recorded", WAIT,
                    () -> seriesIds("toy-poll"), ids -> ids.size() == 2));
            // the bridge is stopped (the project is out of the configuration) when the third series completes
            patchwork.complete(third);
            int seen = patchwork.requests().size();
            withProject("toy-poll", patchwork, () -> {
                List<String> ids = Poll.until("the third series to be recorded", WAIT, () -> seriesIds("toy-poll"), l -> l.size() == 3);
                assertThat(ids).containsExactlyInAnyOrder("toy-poll/series:" + first, "toy-poll/series:" + second,
                        "toy-poll/series:" + third);
                String resumed = patchwork.requests().subList(seen, patchwork.requests().size()).stream()
                        .filter(r -> r.startsWith("GET /api/1.2/events/")).findFirst().orElseThrow();
                assertThat(resumed).as("the poll resumes from the cursor, not from the start").contains("since=");
            });
        }
    }

    /** A one-patch series on main's head that appends {@code comment} to the program. */
    private List<String> one(String comment) {
        return fixture().formatPatchSeries(fixture().headSha(), List.of(Map.of("hello.c", FixtureRepo.HELLO + comment + "\n")));
    }

    /** Runs {@code body} with the project {@code name} on {@code patchwork} in the configuration, then takes it out again. */
    private void withProject(String name, FakePatchwork patchwork, Runnable body) throws IOException {
        withProject(name, patchwork, "jobfilter: " + QUICK_JOBS, body);
    }

    /** The same, with more keys of the project's entry ({@code key: value} lines). */
    private void withProject(String name, FakePatchwork patchwork, String moreKeys, Runnable body) throws IOException {
        Path file = SystemBackends.itDir().resolve(PipelineConfigFile.FILE_NAME);
        String good = Files.readString(file);
        try {
            Files.writeString(file, good + """
                    patchwork:
                      %s:
                        url: %s
                        project: toy
                        token_env: MAESTRO_IT_PATCHWORK_TOKEN
                        build_config: toy_main
                        poll_period: 1s
                        webhook_secret_env: MAESTRO_IT_PATCHWORK_SECRET
                    """.formatted(name, patchwork.url()) + moreKeys.lines().map(l -> "    " + l + "\n").collect(Collectors.joining()));
            Poll.until("project " + name + " to be configured", WAIT, () -> patchworkStats().containsKey(name));
            body.run();
        } finally {
            Files.writeString(file, good);
        }
        Poll.until("project " + name + " to be taken out", WAIT, () -> !patchworkStats().containsKey(name));
    }

    /** The series' entry in the stats once its checks are all posted. */
    private Map<String, Object> awaitReported(String project, String id) {
        return Poll.until("series " + id + " to be reported", SERIES_WAIT, () -> seriesEntry(project, id),
                e -> "reported".equals(e.get("state")));
    }

    private Map<String, Object> seriesEntry(String project, String id) {
        Object series = PipelineTraceContract.map(patchworkStats().get(project)).get("series");
        return series instanceof List<?> list ? list.stream().map(PipelineTraceContract::map).filter(e -> id.equals(e.get("id")))
                .findFirst().orElse(Map.of()) : Map.of();
    }

    private Map<String, Object> patchworkStats() {
        Map<String, Object> steps = PipelineTraceContract.map(pipeline().get("/stats").map().get("steps"));
        return PipelineTraceContract.map(steps.get("patchwork"));
    }

    private List<String> seriesIds(String project) {
        Object series = PipelineTraceContract.map(patchworkStats().get(project)).get("series");
        return series instanceof List<?> list ? list.stream().map(s -> String.valueOf(PipelineTraceContract.map(s).get("id"))).toList()
                : List.of();
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> payload(URI patchwork, long series, long patch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "series-completed");
        body.put("series", Map.of("id", series, "name", "hello: comment"));
        body.put("submitter", Map.of("id", 7, "name", "Ann Author", "email", "ann@example.org"));
        body.put("patches", List.of(Map.of("id", patch, "web_url", patchwork + "patch/" + patch + "/",
                "mbox", patchwork + "patch/" + patch + "/mbox/")));
        return body;
    }

    private HttpResponse<String> deliver(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pipeline().base() + "/webhooks/patchwork"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header(SIGNATURE_HEADER, signature);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
