package dev.maestro.pipeline.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.testsupport.FixtureRepo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitTest {
    private final Git git = Git.withDefaultLimits();

    @Test
    void remoteHeadWorksWithFileUrlsAndPlainPaths(@TempDir Path tmp) {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        assertThat(git.remoteHead(repo.fileUrl(), "main")).contains(repo.head());
        assertThat(git.remoteHead(repo.path().toString(), "main")).contains(repo.head());
    }

    @Test
    void remoteHeadFollowsNewCommits(@TempDir Path tmp) {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        String first = repo.head();
        String second = repo.commit("More", Map.of("NEWS", "news\n"));
        assertThat(second).isNotEqualTo(first);
        assertThat(git.remoteHead(repo.fileUrl(), "main")).contains(second);
    }

    @Test
    void remoteHeadIsEmptyForAMissingBranchAndIgnoresBranchesThatOnlyEndTheSame(@TempDir Path tmp) {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        repo.branch("feature/main");
        assertThat(git.remoteHead(repo.fileUrl(), "nope")).isEmpty();
        repo.git("branch", "-m", "main", "trunk");
        assertThat(git.remoteHead(repo.fileUrl(), "main")).isEmpty();
        assertThat(git.remoteHead(repo.fileUrl(), "feature/main")).isPresent();
    }

    @Test
    void anUnreachableRemoteFailsWithGitsOwnMessage(@TempDir Path tmp) {
        String missing = tmp.resolve("no-such-repo").toString();
        assertThatThrownBy(() -> git.remoteHead(missing, "main"))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("git ls-remote")
                .hasMessageContaining(missing)
                .hasMessageContaining("exit 128");
    }

    @Test
    void optionLikeRemotesAndBranchesAreRefusedBeforeRunningGit() {
        assertThatThrownBy(() -> git.remoteHead("--upload-pack=touch /tmp/x", "main"))
                .isInstanceOf(GitException.class).hasMessageContaining("must not start with '-'");
        assertThatThrownBy(() -> git.remoteHead("ext::sh -c touch% /tmp/x", "main"))
                .isInstanceOf(GitException.class).hasMessageContaining("transport helper");
        assertThatThrownBy(() -> git.remoteHead("/tmp", "--exec=x"))
                .isInstanceOf(GitException.class).hasMessageContaining("Branch");
        assertThatThrownBy(() -> GitNames.requireCommit("HEAD~1"))
                .isInstanceOf(GitException.class).hasMessageContaining("not a commit id");
    }
}
