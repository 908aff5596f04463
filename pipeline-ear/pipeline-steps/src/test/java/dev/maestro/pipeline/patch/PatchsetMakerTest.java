package dev.maestro.pipeline.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.node.Node;
import dev.maestro.pipeline.config.ConfigFiles;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.ArtifactStorages;
import dev.maestro.pipeline.storage.StoragePath;
import dev.maestro.testsupport.FixtureRepo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code git format-patch} series on the fixture tree, applied by the apply step's core on
 * the base commit from the tree's mirror: a 3-patch series gives a stored tarball of the patched
 * tree; a series whose second patch does not apply names that patch and git's reason.
 */
class PatchsetMakerTest {
    private static final String HELLO_LOUD = FixtureRepo.HELLO.replace("hello from", "HELLO FROM");

    @TempDir
    Path tmp;

    private FixtureRepo repo;
    private String base;
    private PipelineConfig config;
    private ArtifactStorage storage;

    @BeforeEach
    void fixture() throws IOException {
        repo = FixtureRepo.create(tmp.resolve("toy"));
        base = repo.head();
        config = new ConfigFiles(tmp).load(ConfigFiles.toyTree(repo.path(), "main"));
        storage = ArtifactStorages.open(config.storage());
    }

    private PatchsetMaker maker() {
        return new PatchsetMaker(new MirrorStore(Git.withDefaultLimits(), tmp.resolve("mirrors")), storage,
                new PatchDownloader(Set.of(), storage), tmp.resolve("scratch"));
    }

    /** Commits {@code changes} (one commit each) on a new branch from {@code from}, and formats them as patches. */
    private List<byte[]> series(String branch, String from, List<Map<String, String>> changes) throws IOException {
        repo.git("checkout", "--quiet", "-b", branch, from);
        for (int i = 0; i < changes.size(); i++) {
            repo.commit(branch + " change " + (i + 1), changes.get(i));
        }
        Path out = tmp.resolve("patches-" + branch);
        repo.git("format-patch", "--quiet", "-" + changes.size(), "-o", out.toString());
        repo.git("checkout", "--quiet", "main");
        List<byte[]> patches = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.sorted().toList()) {
                patches.add(Files.readAllBytes(file));
            }
        }
        return patches;
    }

    private List<byte[]> goodSeries() throws IOException {
        return series("good", base, List.of(
                Map.of("hello.c", HELLO_LOUD),
                Map.of("README", "A toy tree.\n"),
                Map.of("Makefile", FixtureRepo.MAKEFILE.replace("EXTRAVERSION =", "EXTRAVERSION = -patched"))));
    }

    private Node baseCheckout() {
        return Node.builder().id(new ObjectId()).kind("checkout").name("checkout").path(List.of("checkout"))
                .data(Map.of("kernel_revision", Map.of("tree", "toy", "url", "/ignored", "branch", "main", "commit", base,
                        "describe", base.substring(0, 12))))
                .artifacts(Map.of("tarball", "https://files.example.org/linux-toy-main-" + base.substring(0, 12) + ".tar.gz"))
                .build();
    }

    /** The patchset node with each patch stored as the API stores inline patches. */
    private Node patchset(Node checkout, List<byte[]> patches) throws IOException {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            urls.add(storage.put(StoragePath.of("patchset/alice_example.org/" + checkout.id() + "-" + i + ".patch"),
                    new ByteArrayInputStream(patches.get(i))));
        }
        return PatchsetNodes.draft(checkout, urls, PatchsetOrigin.submittedBy("Alice", "alice@example.org"),
                "user:alice@example.org", Instant.now()).toBuilder().id(new ObjectId()).build();
    }

    @Test
    void aThreePatchSeriesIsAppliedOnTheBaseAndStoredAsThePatchedTarball() throws Exception {
        List<byte[]> patches = goodSeries();
        assertThat(patches).hasSize(3);
        Node checkout = baseCheckout();
        Node patchset = patchset(checkout, patches);

        AppliedPatchset applied = maker().make(config, checkout, patchset);

        String hash = PatchHash.ofSeries(patches.stream().map(PatchHash::of).toList());
        String id = patchset.id().toHexString();
        String name = "linux-toy-main-" + base.substring(0, 12) + "-" + hash.substring(0, 13) + "-" + id.substring(id.length() - 12);
        assertThat(applied.seriesHash()).isEqualTo(hash);
        assertThat(applied.tarballName()).isEqualTo(name + ".tar.gz");
        assertThat(applied.tarballUrl()).isEqualTo(URI.create("https://files.example.org/" + name + ".tar.gz"));
        Path unpacked = unpack(name + ".tar.gz");
        assertThat(unpacked.resolve(name + "/hello.c")).hasContent(HELLO_LOUD);
        assertThat(unpacked.resolve(name + "/README")).hasContent("A toy tree.\n");
        assertThat(Files.readString(unpacked.resolve(name + "/Makefile"))).contains("EXTRAVERSION = -patched");
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString()).toList()).containsExactly(name);
        }
        assertThat(unpacked.resolve(name + "/.git")).doesNotExist();
        assertThat(tmp.resolve("scratch")).isEmptyDirectory();
    }

    @Test
    void aSeriesWhoseSecondPatchDoesNotApplyNamesThatPatchAndWhy() throws Exception {
        List<byte[]> good = goodSeries();
        // Made on a history the base does not have: its context (the program's first change) is missing.
        List<byte[]> elsewhere = series("elsewhere", base, List.of(
                Map.of("hello.c", FixtureRepo.HELLO.replace("return 0;", "return 1;")),
                Map.of("hello.c", FixtureRepo.HELLO.replace("return 0;", "return 2;"))));
        Node checkout = baseCheckout();
        Node patchset = patchset(checkout, List.of(good.get(0), elsewhere.get(1), good.get(1)));

        assertThatThrownBy(() -> maker().make(config, checkout, patchset))
                .isInstanceOfSatisfying(PatchsetFailure.class, f -> assertThat(f.errorCode()).isEqualTo(PatchsetFailure.APPLY))
                .hasMessageContaining("patch1 (patch 2 of 3) does not apply")
                .hasMessageContaining("hello.c");
        assertThat(tmp.resolve("scratch")).isEmptyDirectory();
    }

    @Test
    void anInvalidPatchIsRefusedBeforeAnythingIsUnpacked() throws Exception {
        Node checkout = baseCheckout();
        byte[] binary = ("diff --git a/x.bin b/x.bin\nindex 1111111..2222222 100644\nBinary files a/x.bin and b/x.bin differ\n")
                .getBytes(StandardCharsets.UTF_8);
        Node patchset = patchset(checkout, List.of(goodSeries().get(0), binary));

        assertThatThrownBy(() -> maker().make(config, checkout, patchset))
                .isInstanceOfSatisfying(PatchsetFailure.class, f -> assertThat(f.errorCode()).isEqualTo(PatchsetFailure.INVALID))
                .hasMessageStartingWith("patch1 is a binary patch");
        assertThat(tmp.resolve("scratch")).doesNotExist();
    }

    @Test
    void aBaseOfATreeThePipelineDoesNotBuildIsRefused() throws Exception {
        Node checkout = baseCheckout().toBuilder().data(Map.of("kernel_revision",
                Map.of("tree", "other", "url", "/x", "branch", "main", "commit", base))).build();
        Node patchset = patchset(checkout, goodSeries());

        assertThatThrownBy(() -> maker().make(config, checkout, patchset))
                .isInstanceOfSatisfying(PatchsetFailure.class, f -> assertThat(f.errorCode()).isEqualTo(PatchsetFailure.BASE))
                .hasMessageContaining("other");
    }

    private Path unpack(String stored) throws IOException {
        Path archive = tmp.resolve("download.tar.gz");
        try (InputStream in = storage.find(StoragePath.of(stored)).orElseThrow().open()) {
            Files.copy(in, archive);
        }
        Path dir = Files.createDirectories(tmp.resolve("unpacked"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        try {
            assertThat(tar.waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return dir;
    }
}
