package dev.maestro.system.it;

import static dev.maestro.system.it.PipelineTraceContract.firstAttempts;
import static dev.maestro.system.it.PipelineTraceContract.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.Downloads;
import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Patch testing end to end: a {@code git format-patch} series sent to
 * {@code POST /pipeline/api/patchset} for a checkout of the fixture tree (inline, or as URLs)
 * becomes a patchset node under it (kind checkout, name patchset, artifacts patch0…2 in the
 * pipeline's storage); the apply step applies it on the base commit, stores the patched tarball
 * and makes the patchset available; the scheduler then builds and tests the patched tree under
 * the patchset node. The base checkout's own results stay as they are, and a series that does not
 * apply ends the patchset done/fail naming the patch; the endpoint refuses what it cannot take
 * (no token, a host not allowed, an invalid patch, too many, not a checkout) with a detail.
 */
public interface PatchsetContract extends PipelineTraceContract, StorageContract {
    Duration PATCHSET_WAIT = Duration.ofMinutes(3);
    String PATCHED_GREETING = "hello from the patched toy tree";

    @Test
    default void aSeriesIsAppliedBuiltAndTestedUnderItsPatchsetNodeAndTheBaseKeepsItsOwnResults() throws Exception {
        String commit = fixture().pushCommit("patchset base " + UUID.randomUUID());
        Map<String, Object> base = awaitAvailableBase(commit);
        String baseId = (String) base.get("id");
        List<String> series = fixture().formatPatchSeries(commit, List.of(
                Map.of("hello.c", FixtureRepo.HELLO.replace("hello from the toy tree", PATCHED_GREETING)),
                Map.of("PATCHED", "a file the series adds\n"),
                Map.of("CHANGES", "the series' own line\n")));
        assertThat(series).hasSize(3).allSatisfy(p -> assertThat(p).startsWith("From ").contains("diff --git"));

        ApiResponse submitted = pipeline().as(adminToken()).post("/api/patchset", Map.of("nodeid", baseId, "patch", series));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.map()).containsEntry("message", "OK");
        Map<String, Object> node = map(submitted.map().get("node"));
        String patchsetId = (String) node.get("id");
        assertThat(node).containsEntry("state", "running").containsEntry("owner", "maestro-pipeline")
                .containsEntry("submitter", "user:" + admin().get("/latest/whoami").map().get("email"));
        assertThat(map(node.get("artifacts"))).containsOnlyKeys("patch0", "patch1", "patch2");
        assertThat(Downloads.text(artifact(node, "patch1"))).isEqualTo(series.get(1));
        assertThat(map(map(node.get("data")).get("patchset"))).containsEntry("submitter_name", "admin");
        Map<String, Object> applied = awaitPatchsetEnd(patchsetId);
        assertThat(applied).containsEntry("state", "available").containsEntry("result", "pass")
                .containsEntry("kind", "checkout").containsEntry("name", "patchset").containsEntry("parent", baseId)
                .containsEntry("path", List.of("checkout", "patchset"));
        Map<String, Object> revision = map(map(applied.get("data")).get("kernel_revision"));
        String hash = (String) revision.get("patchset");
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(revision).containsEntry("commit", commit).containsEntry("tree", "toy").containsEntry("branch", "main");
        String tarball = artifact(applied, "tarball");
        assertThat(tarball).endsWith("-" + hash.substring(0, 13) + "-" + patchsetId.substring(12) + ".tar.gz");
        assertThat(stateChanges(patchsetId)).startsWith("created running", "updated running->available");

        List<Map<String, Object>> tree = Poll.until("every node under patchset " + patchsetId + " to be done", PATCHSET_WAIT,
                () -> subtree(patchsetId), nodes -> firstAttempts(nodes).size() == 10
                        && nodes.stream().allMatch(n -> "done".equals(n.get("state"))));
        Map<String, Map<String, Object>> byName = firstAttempts(tree).stream()
                .collect(Collectors.toMap(n -> (String) n.get("name"), n -> n));
        Map<String, Object> build = byName.get("kbuild-tiny");
        assertThat(build).containsEntry("parent", patchsetId).containsEntry("result", "pass")
                .containsEntry("path", List.of("checkout", "patchset", "kbuild-tiny"));
        assertThat(map(map(build.get("data")).get("kernel_revision"))).containsEntry("patchset", hash);
        assertThat(run(Downloads.bytes(artifact(build, "kernel")))).contains(PATCHED_GREETING);
        assertThat(byName.get("kver")).containsEntry("parent", patchsetId).containsEntry("result", "pass");
        assertThat(byName.get("tiny-tests")).containsEntry("parent", build.get("id")).containsEntry("result", "pass");

        // The base's own results: its build is of the unpatched program, and nothing of the patchset is counted in it.
        List<Map<String, Object>> baseBuilds = api().get("/latest/nodes?kind=kbuild&parent=" + baseId).list("items").stream()
                .map(PipelineTraceContract::map).toList();
        assertThat(baseBuilds).hasSize(1);
        assertThat(run(Downloads.bytes(artifact(baseBuilds.get(0), "kernel")))).contains("hello from the toy tree")
                .doesNotContain(PATCHED_GREETING);
        assertThat(map(map(baseBuilds.get(0).get("data")).get("kernel_revision"))).doesNotContainKey("patchset");
        List<Object> byCommit = api().get("/latest/nodes?kind=checkout&data.kernel_revision.commit=" + commit).list("items");
        assertThat(byCommit).extracting(n -> map(n).get("name")).containsExactlyInAnyOrder("checkout", "patchset");
        Map<String, Object> baseSummary = Poll.until("the base checkout's summary", PATCHSET_WAIT,
                () -> pipeline().get("/summary/" + baseId).map(), s -> Boolean.TRUE.equals(s.get("complete")));
        assertThat(map(baseSummary.get("builds"))).containsEntry("total", 1);
        assertThat(map(baseSummary.get("tests"))).containsEntry("total", 4);
        Map<String, Object> patchsetSummary = Poll.until("the patchset's summary", PATCHSET_WAIT,
                () -> pipeline().get("/summary/" + patchsetId).map(), s -> Boolean.TRUE.equals(s.get("complete")));
        assertThat(map(patchsetSummary.get("builds"))).containsEntry("total", 1);

        ApiResponse basePage = api().get("/dashboard/checkout/" + baseId);
        assertThat(basePage.body()).contains("id=\"build-total\">1<")
                .contains("/dashboard/checkout/" + patchsetId + "\">patchset " + hash.substring(0, 12) + "<");
        ApiResponse patchsetPage = api().get("/dashboard/checkout/" + patchsetId);
        assertThat(patchsetPage.body()).contains("id=\"build-total\">1<").contains(hash.substring(0, 12));
        assertThat(api().get("/dashboard").body()).contains("+ patchset " + hash.substring(0, 12));
    }

    @Test
    default void aSeriesThatDoesNotApplyEndsItsPatchsetDoneFailNamingThePatch() {
        String commit = fixture().pushCommit("patchset base " + UUID.randomUUID());
        Map<String, Object> base = awaitAvailableBase(commit);
        List<String> good = fixture().formatPatchSeries(commit, List.of(
                Map.of("hello.c", FixtureRepo.HELLO.replace("hello from the toy tree", PATCHED_GREETING)),
                Map.of("PATCHED", "a file the series adds\n")));
        // Made on a history the base lacks: its context (a first change of the program) is not in the tree.
        List<String> elsewhere = fixture().formatPatchSeries(commit, List.of(
                Map.of("hello.c", FixtureRepo.HELLO.replace("return 0;", "return 1;")),
                Map.of("hello.c", FixtureRepo.HELLO.replace("return 0;", "return 2;"))));

        ApiResponse submitted = pipeline().as(adminToken()).post("/api/patchset", Map.of("nodeid", base.get("id"),
                "patchurl", storedPatches(base, List.of(good.get(0), elsewhere.get(1), good.get(1)))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        String patchsetId = (String) map(submitted.map().get("node")).get("id");
        Map<String, Object> ended = awaitPatchsetEnd(patchsetId);

        assertThat(ended).containsEntry("state", "done").containsEntry("result", "fail");
        Map<String, Object> data = map(ended.get("data"));
        assertThat(data).containsEntry("error_code", "patch_apply_failure");
        assertThat((String) data.get("error_msg")).contains("patch1 (patch 2 of 3) does not apply").contains("hello.c");
        assertThat(api().get("/latest/nodes?parent=" + patchsetId).list("items")).isEmpty();
    }

    @Test
    default void theServiceApiRefusesSeriesItCannotTakeWithADetail() {
        String commit = fixture().headSha();
        Map<String, Object> base = awaitAvailableBase(commit);
        String baseId = (String) base.get("id");
        String patch = "diff --git a/hello.c b/hello.c\n--- a/hello.c\n+++ b/hello.c\n@@ -1 +1 @@\n-a\n+b\n";
        int patchsetsBefore = api().get("/latest/nodes?name=patchset&parent=" + baseId).list("items").size();

        assertThat(pipeline().post("/api/patchset", Map.of("nodeid", baseId, "patch", List.of(patch))).status()).isEqualTo(401);
        ApiClient permitted = pipeline().as(adminToken());
        assertRefused(permitted.post("/api/patchset", Map.of("nodeid", baseId, "patchurl", List.of("https://evil.example.org/x.patch"))),
                400, "patch0: https://evil.example.org/x.patch is not on an allowed host");
        assertRefused(permitted.post("/api/patchset", Map.of("nodeid", baseId, "patch",
                List.of(patch, "diff --git a/x.bin b/x.bin\nBinary files a/x.bin and b/x.bin differ\n"))), 400, "patch1 is a binary patch");
        assertRefused(permitted.post("/api/patchset", Map.of("nodeid", baseId, "patch",
                List.of("--- a/../../etc/passwd\n+++ b/../../etc/passwd\n@@ -1 +1 @@\n-a\n+b\n"))), 400, "patch0 names a path with '..'");
        assertRefused(permitted.post("/api/patchset", Map.of("nodeid", baseId, "patch", Collections.nCopies(33, patch))),
                400, "1 to 32 patches");
        assertRefused(permitted.post("/api/patchset", Map.of("nodeid", "0123456789abcdef01234567", "patch", List.of(patch))),
                404, "Node not found");
        ApiResponse build = admin().post("/latest/node", Map.of("kind", "kbuild", "name", "not-a-checkout",
                "path", List.of("checkout", "not-a-checkout"), "parent", baseId, "state", "done", "result", "pass"));
        assertThat(build.status()).as(build.body()).isEqualTo(200);
        assertRefused(permitted.post("/api/patchset", Map.of("nodeid", build.map().get("id"), "patch", List.of(patch))),
                400, "not a checkout");
        assertThat(permitted.post("/api/patchset", Map.of("nodeid", baseId)).status()).isEqualTo(422);
        assertThat(permitted.post("/api/patchset", Map.of("nodeid", baseId, "patch", List.of(patch), "patchurl", List.of("https://x.org/p")))
                .status()).isEqualTo(422);
        assertThat(api().get("/latest/nodes?name=patchset&parent=" + baseId).list("items")).hasSize(patchsetsBefore);
    }

    private static void assertRefused(ApiResponse response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(String.valueOf(response.detail())).contains(detail);
    }

    /**
     * The trigger's checkout of {@code commit} (not a patchset of it, nor a checkout another test
     * made of the same commit), once its tarball is made.
     */
    private Map<String, Object> awaitAvailableBase(String commit) {
        return Poll.until("the checkout of " + commit + " to be available", PATCHSET_WAIT,
                () -> api().get("/latest/nodes?kind=checkout&name=checkout&submitter=service:pipeline&result=pass"
                        + "&data.kernel_revision.commit=" + commit).list("items"), found -> !found.isEmpty())
                .stream().map(PipelineTraceContract::map).findFirst().orElseThrow();
    }

    /** Stores the patches in the pipeline's storage, as a submitter would publish them; returns their URLs. */
    private List<String> storedPatches(Map<String, Object> base, List<String> patches) {
        String dir = "patchset/it/" + base.get("id") + "-" + UUID.randomUUID();
        Map<String, String> files = new LinkedHashMap<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            files.put(i + ".patch", patches.get(i));
            urls.add(pipeline().base() + "/storage/" + dir + "/" + i + ".patch");
        }
        assertThat(upload("Bearer " + storageToken(), dir, files).status()).isEqualTo(200);
        return urls;
    }

    private Map<String, Object> awaitPatchsetEnd(String patchsetId) {
        return Poll.until("patchset " + patchsetId + " to be applied or to fail", PATCHSET_WAIT,
                () -> api().get("/latest/node/" + patchsetId).map(), n -> !"running".equals(n.get("state")));
    }

    /** Runs a program the pipeline built (the toy tree's hello), returns what it prints. */
    private static String run(byte[] program) throws IOException, InterruptedException {
        Path file = Files.createTempFile("toy-program", "", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            Files.write(file, program);
            Process process = new ProcessBuilder(file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return output;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
