package dev.maestro.system.it;

import static dev.maestro.system.it.PipelineTraceContract.firstAttempts;
import static dev.maestro.system.it.PipelineTraceContract.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.Downloads;
import dev.maestro.system.it.support.FixtureRepo;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Patch testing end to end: a {@code git format-patch} series on a checkout of the fixture tree
 * becomes a patchset node under it (kind checkout, name patchset, artifacts patch0…2 in the
 * pipeline's storage); the apply step applies it on the base commit, stores the patched tarball
 * and makes the patchset available; the scheduler then builds and tests the patched tree under
 * the patchset node. The base checkout's own results stay as they are, and a series that does not
 * apply ends the patchset done/fail naming the patch.
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

        String patchsetId = createPatchset(base, series);
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
        assertThat(basePage.body()).contains("id=\"build-total\">1<").doesNotContain(hash.substring(0, 12));
        ApiResponse patchsetPage = api().get("/dashboard/checkout/" + patchsetId);
        assertThat(patchsetPage.body()).contains("id=\"build-total\">1<").contains(hash.substring(0, 12));
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

        String patchsetId = createPatchset(base, List.of(good.get(0), elsewhere.get(1), good.get(1)));
        Map<String, Object> ended = awaitPatchsetEnd(patchsetId);

        assertThat(ended).containsEntry("state", "done").containsEntry("result", "fail");
        Map<String, Object> data = map(ended.get("data"));
        assertThat(data).containsEntry("error_code", "patch_apply_failure");
        assertThat((String) data.get("error_msg")).contains("patch1 (patch 2 of 3) does not apply").contains("hello.c");
        assertThat(api().get("/latest/nodes?parent=" + patchsetId).list("items")).isEmpty();
    }

    /** The base checkout of {@code commit} (not a patchset of it), once its tarball is made. */
    private Map<String, Object> awaitAvailableBase(String commit) {
        return Poll.until("the checkout of " + commit + " to be available", PATCHSET_WAIT,
                () -> api().get("/latest/nodes?kind=checkout&name=checkout&data.kernel_revision.commit=" + commit).list("items"),
                found -> found.size() == 1 && !"running".equals(map(found.get(0)).get("state")))
                .stream().map(PipelineTraceContract::map).findFirst().orElseThrow();
    }

    /**
     * Stores the patches in the pipeline's storage and creates the patchset node as KernelCI's
     * patchset service shapes it; returns its id.
     */
    private String createPatchset(Map<String, Object> base, List<String> patches) {
        String dir = "patchset/it/" + base.get("id") + "-" + UUID.randomUUID();
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Object> artifacts = new LinkedHashMap<>();
        for (int i = 0; i < patches.size(); i++) {
            files.put(i + ".patch", patches.get(i));
            artifacts.put("patch" + i, pipeline().base() + "/storage/" + dir + "/" + i + ".patch");
        }
        assertThat(upload("Bearer " + storageToken(), dir, files).status()).isEqualTo(200);
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kind", "checkout");
        node.put("name", "patchset");
        node.put("path", List.of("checkout", "patchset"));
        node.put("group", "patchset");
        node.put("parent", base.get("id"));
        node.put("artifacts", artifacts);
        node.put("data", Map.of("kernel_revision", map(map(base.get("data")).get("kernel_revision"))));
        ApiResponse created = admin().post("/latest/node", node);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return (String) created.map().get("id");
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
