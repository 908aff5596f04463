package dev.maestro.pipeline.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.maestro.pipeline.config.ConfigFiles;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.pipeline.storage.ArtifactStorages;
import dev.maestro.pipeline.storage.StoragePath;
import dev.maestro.pipeline.storage.StoredFile;
import dev.maestro.testsupport.FixtureRepo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballMakerTest {
    @TempDir
    Path tmp;

    private PipelineConfig config(String treeUrl, String branch) throws IOException {
        return new ConfigFiles(tmp).load(ConfigFiles.toyTree(treeUrl, branch));
    }

    private TarballMaker maker(PipelineConfig config) {
        return new TarballMaker(new MirrorStore(Git.withDefaultLimits(), tmp.resolve("mirrors")),
                ArtifactStorages.open(config.storage()), tmp.resolve("scratch"));
    }

    private static Map<String, Object> revision(String branch, String commit) {
        return Map.of("tree", "toy", "url", "/ignored/for/safety", "branch", branch, "commit", commit);
    }

    private static byte[] read(StoredFile file) throws IOException {
        try (InputStream in = file.open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void storesGitArchiveOfTheCommitUnderKernelCisNameWithoutNeedingATag() throws Exception {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        PipelineConfig config = config(repo.path().toString(), "main");
        Tarball tarball = maker(config).make(config, revision("main", repo.head())).orElseThrow();
        String describe = repo.head().substring(0, tarball.revision().describe().length());
        String name = "linux-toy-main-" + describe;
        assertThat(tarball.fileName()).isEqualTo(name + ".tar.gz");
        assertThat(tarball.url()).isEqualTo(URI.create("https://files.example.org/" + name + ".tar.gz"));
        StoredFile stored = ArtifactStorages.open(config.storage()).find(StoragePath.of(name + ".tar.gz")).orElseThrow();
        assertThat(read(stored)).isEqualTo(repo.archive(repo.head(), name));
        assertThat(tmp.resolve("scratch")).isEmptyDirectory();
    }

    @Test
    void aTaggedCommitOnABranchWithASlashNamesItsTarballAfterTheTag() throws Exception {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        repo.tag("v6.1");
        repo.branch("stable/6.1");
        PipelineConfig config = config(repo.fileUrl(), "stable/6.1");
        Tarball tarball = maker(config).make(config, revision("stable/6.1", repo.head())).orElseThrow();
        assertThat(tarball.fileName()).isEqualTo("linux-toy-stable_6.1-v6.1.tar.gz");
        assertThat(tarball.revision().commitTags()).containsExactly("v6.1");
    }

    @Test
    void checkoutsOfTreesOrBranchesNotConfiguredAreNotOurs() throws Exception {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        PipelineConfig config = config(repo.path().toString(), "main");
        assertThat(maker(config).make(config, revision("next", repo.head()))).isEmpty();
        assertThat(maker(config).make(config, Map.of("tree", "other", "branch", "main", "commit", repo.head()))).isEmpty();
    }

    @Test
    void failuresCarryGitCheckoutFailureAndAMessage() throws Exception {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        PipelineConfig config = config(repo.path().toString(), "main");
        assertThatExceptionOfType(CheckoutFailure.class)
                .isThrownBy(() -> maker(config).make(config, revision("main", "deadbeefdeadbeef")))
                .withMessageContaining("Commit deadbeefdeadbeef is not in file://" + repo.path())
                .satisfies(e -> assertThat(e.errorCode()).isEqualTo("git_checkout_failure"));
        assertThatExceptionOfType(CheckoutFailure.class)
                .isThrownBy(() -> maker(config).make(config, revision("main", "HEAD")))
                .withMessageContaining("'HEAD' is not a commit id");
        assertThatExceptionOfType(CheckoutFailure.class)
                .isThrownBy(() -> maker(config).make(config, Map.of("tree", "toy", "branch", "main")))
                .withMessage("The checkout has no data.kernel_revision.commit");

        PipelineConfig gone = config(tmp.resolve("gone").toString(), "main");
        assertThatExceptionOfType(CheckoutFailure.class)
                .isThrownBy(() -> maker(gone).make(gone, revision("main", repo.head())))
                .withMessageContaining("git clone")
                .withMessageContaining("does not appear to be a git repository");
    }

    @Test
    void theCheckoutDataKeepsWhatItHadAndGainsWhatTheCommitShows() throws Exception {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        PipelineConfig config = config(repo.path().toString(), "main");
        Tarball tarball = maker(config).make(config, revision("main", repo.head())).orElseThrow();
        Map<String, Object> data = tarball.checkoutData(Map.of("kernel_revision", revision("main", repo.head()),
                "architecture_filter", List.of("x86_64")));
        assertThat(data).containsEntry("architecture_filter", List.of("x86_64"));
        @SuppressWarnings("unchecked")
        Map<String, Object> kernelRevision = (Map<String, Object>) data.get("kernel_revision");
        assertThat(kernelRevision).containsEntry("url", "/ignored/for/safety")
                .containsEntry("commit", repo.head()).containsEntry("describe", tarball.revision().describe())
                .containsEntry("commit_message", "Toy tree 6.1").containsEntry("tip_of_branch", true)
                .containsKey("version");
    }
}
