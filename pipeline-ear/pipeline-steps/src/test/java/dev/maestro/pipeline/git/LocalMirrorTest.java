package dev.maestro.pipeline.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.testsupport.FixtureRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMirrorTest {
    @TempDir
    Path tmp;

    private final Git git = Git.withDefaultLimits();

    private LocalMirror mirrorOf(FixtureRepo repo) {
        LocalMirror mirror = new MirrorStore(git, tmp.resolve("mirrors")).mirror("toy", repo.fileUrl());
        mirror.update();
        return mirror;
    }

    @Test
    void firstUpdateClonesABareMirror() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        LocalMirror mirror = mirrorOf(repo);
        assertThat(mirror.directory()).isEqualTo(tmp.resolve("mirrors/toy.git"));
        assertThat(mirror.directory().resolve("HEAD")).exists();
        assertThat(mirror.branchHead("main")).contains(repo.head());
    }

    @Test
    void laterUpdatesFetchNewCommits() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        LocalMirror mirror = mirrorOf(repo);
        String next = repo.commit("Second", Map.of("NEWS", "second\n"));
        assertThat(mirror.resolveCommit(next)).isEmpty();
        mirror.update();
        assertThat(mirror.resolveCommit(next)).contains(next);
        assertThat(mirror.resolveCommit(next.substring(0, 10))).contains(next);
        assertThat(mirror.branchHead("main")).contains(next);
    }

    @Test
    void theArchiveIsByteForByteWhatGitArchiveGives() throws IOException {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        LocalMirror mirror = mirrorOf(repo);
        Path out = tmp.resolve("toy.tar.gz");
        mirror.archive(repo.head(), "linux-toy-main-x", out);
        assertThat(Files.readAllBytes(out)).isEqualTo(repo.archive(repo.head(), "linux-toy-main-x"));
        try (var leftovers = Files.list(tmp)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void describeFallsBackToTheAbbreviatedCommitWithoutTags() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        LocalMirror mirror = mirrorOf(repo);
        String describe = mirror.describe(repo.head());
        assertThat(repo.head()).startsWith(describe);
        assertThat(describe.length()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void describeUsesTheNearestAnnotatedTag() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        repo.tag("v6.1");
        String next = repo.commit("After the release", Map.of("NEWS", "news\n"));
        LocalMirror mirror = mirrorOf(repo);
        assertThat(mirror.describe(next)).startsWith("v6.1-1-g");
        assertThat(mirror.tagsPointingAt(next)).isEmpty();
    }

    @Test
    void readsFilesAndTheKernelVersionAtACommit() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        String first = repo.head();
        String second = repo.commit("6.2-rc1", Map.of("Makefile", FixtureRepo.MAKEFILE
                .replace("PATCHLEVEL = 1", "PATCHLEVEL = 2").replace("EXTRAVERSION =", "EXTRAVERSION = -rc1")));
        repo.tag("v6.2-rc1");
        LocalMirror mirror = mirrorOf(repo);
        assertThat(mirror.readFile(first, "hello.c")).contains(FixtureRepo.HELLO);
        assertThat(mirror.readFile(first, "no/such/file")).isEmpty();
        assertThat(mirror.kernelVersion(first).orElseThrow().patchlevel()).isEqualTo(1);
        assertThat(mirror.kernelVersion(second).orElseThrow().extra()).isEqualTo("-rc1");
        assertThat(mirror.tagsPointingAt(second)).containsExactly("v6.2-rc1");
        assertThat(mirror.commitMessage(second)).isEqualTo("6.2-rc1");
    }

    @Test
    void aTreeWithoutMakefileHasNoVersion() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        repo.git("rm", "--quiet", "Makefile");
        String noMakefile = repo.commit("Drop the Makefile", Map.of());
        assertThat(mirrorOf(repo).kernelVersion(noMakefile)).isEmpty();
    }

    @Test
    void aDamagedMirrorIsClonedAfresh() throws IOException {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        LocalMirror mirror = mirrorOf(repo);
        Files.writeString(mirror.directory().resolve("config"), "this is not a git config\n");
        String next = repo.commit("Second", Map.of("NEWS", "second\n"));
        mirror.update();
        assertThat(mirror.resolveCommit(next)).contains(next);
    }

    @Test
    void aMirrorOfAMissingRemoteFailsWithGitsMessageAndLeavesNothingBehind() {
        LocalMirror mirror = new MirrorStore(git, tmp.resolve("mirrors")).mirror("gone", tmp.resolve("gone").toString());
        assertThatThrownBy(mirror::update)
                .isInstanceOf(GitException.class)
                .hasMessageContaining("git clone")
                .hasMessageContaining("does not exist");
        assertThat(tmp.resolve("mirrors/gone.git")).doesNotExist();
    }

    @Test
    void mirrorNamesMustBePlainNames() {
        MirrorStore store = new MirrorStore(git, tmp);
        assertThatThrownBy(() -> store.mirror("../escape", "/tmp/x")).isInstanceOf(GitException.class);
        assertThat(store.mirror("toy", "/tmp/x")).isSameAs(store.mirror("toy", "/tmp/y"));
    }
}
