package dev.maestro.pipeline.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.node.Node;
import dev.maestro.node.NodeState;
import dev.maestro.node.query.NodeFilter;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.TreeConfig;
import dev.maestro.pipeline.git.Git;
import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.git.KernelVersion;
import dev.maestro.pipeline.git.MirrorStore;
import dev.maestro.testsupport.FixtureRepo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckoutTriggerTest {
    @TempDir
    Path tmp;

    private static final BuildConfig TOY_MAIN = new BuildConfig("toy_main", "toy", "main", Duration.ofSeconds(30), List.of("x86_64"),
                        Duration.ofMinutes(10), Duration.ofMinutes(180));

    private CheckoutTrigger trigger() {
        return new CheckoutTrigger(Git.withDefaultLimits(), new MirrorStore(Git.withDefaultLimits(), tmp.resolve("mirrors")));
    }

    @Test
    void describesTheHeadOfATreeWithoutTags() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        TreeConfig tree = new TreeConfig("toy", repo.path().toString());
        String head = trigger().headCommit(tree, TOY_MAIN).orElseThrow();
        KernelRevision revision = trigger().revision(tree, TOY_MAIN, head);
        assertThat(revision.commit()).isEqualTo(repo.head());
        assertThat(repo.head()).startsWith(revision.describe());
        assertThat(revision.version()).contains(new KernelVersion(6, 1, Optional.of(0), "", "Toy Tree"));
        assertThat(revision.commitTags()).isEmpty();
        assertThat(revision.commitMessage()).isEqualTo("Toy tree 6.1");
        assertThat(revision.tipOfBranch()).isTrue();
    }

    @Test
    void describesATaggedReleaseAndAnOlderCommit() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        String older = repo.head();
        repo.commit("6.2", Map.of("Makefile", FixtureRepo.MAKEFILE.replace("PATCHLEVEL = 1", "PATCHLEVEL = 2")));
        repo.tag("v6.2");
        TreeConfig tree = new TreeConfig("toy", repo.fileUrl());
        KernelRevision release = trigger().revision(tree, TOY_MAIN, trigger().headCommit(tree, TOY_MAIN).orElseThrow());
        assertThat(release.describe()).isEqualTo("v6.2");
        assertThat(release.commitTags()).containsExactly("v6.2");
        assertThat(release.version().orElseThrow().patchlevel()).isEqualTo(2);
        KernelRevision old = trigger().revision(tree, TOY_MAIN, older.substring(0, 12));
        assertThat(old.commit()).isEqualTo(older);
        assertThat(old.tipOfBranch()).isFalse();
    }

    @Test
    void aCommitTheTreeDoesNotHaveIsAnError() {
        FixtureRepo repo = FixtureRepo.create(tmp.resolve("toy"));
        TreeConfig tree = new TreeConfig("toy", repo.path().toString());
        assertThatThrownBy(() -> trigger().revision(tree, TOY_MAIN, "0123456789abcdef0123456789abcdef01234567"))
                .isInstanceOf(GitException.class)
                .hasMessageContaining("Commit 0123456789abcdef0123456789abcdef01234567 is not in " + repo.path());
        assertThat(trigger().fetchedRevision(tree, TOY_MAIN, "0123456789abcdef0123456789abcdef01234567")).isEmpty();
        assertThat(trigger().fetchedRevision(tree, TOY_MAIN, repo.head().substring(0, 7))).get()
                .extracting(KernelRevision::commit).isEqualTo(repo.head());
    }

    @Test
    void theCheckoutNodeIsKernelCisAndTheDedupQueryNamesTreeBranchAndCommit() {
        KernelRevision revision = new KernelRevision("toy", "/srv/toy.git", "main", "abc1234def", "abc1234",
                Optional.of(new KernelVersion(6, 1, Optional.of(0), "", "Toy")), List.of(), "msg", true);
        Instant now = Instant.parse("2026-11-26T10:00:00.123Z");
        Node node = CheckoutTrigger.checkoutNode(revision, TOY_MAIN, now, Duration.ofHours(3));
        assertThat(node.kind()).isEqualTo("checkout");
        assertThat(node.name()).isEqualTo("checkout");
        assertThat(node.path()).isEqualTo(List.of("checkout"));
        assertThat(node.timeout()).isEqualTo(Instant.parse("2026-11-26T13:00:00.123Z"));
        assertThat(node.created()).isEqualTo(now);
        assertThat(node.state()).isEqualTo(NodeState.RUNNING);
        assertThat(node.id()).isNull();
        assertThat(node.group()).isNull();
        assertThat(node.treeid()).matches("[0-9a-f]{64}");
        assertThat(node.data()).isEqualTo(Map.of("kernel_revision", revision.toMap(), "architecture_filter", List.of("x86_64")));
        assertThat(revision.toMap()).containsEntry("describe", "abc1234").containsEntry("url", "/srv/toy.git")
                .containsEntry("version", Map.of("version", 6, "patchlevel", 1, "sublevel", 0, "extra", "", "name", "Toy"));
        Map<String, String> sameQueryString = new LinkedHashMap<>();
        sameQueryString.put("kind", "checkout");
        sameQueryString.put("data.kernel_revision.tree", "toy");
        sameQueryString.put("data.kernel_revision.branch", "main");
        sameQueryString.put("data.kernel_revision.commit", "abc1234def");
        sameQueryString.put("jobfilter", "null");
        assertThat(CheckoutTrigger.existingCheckout(new TreeConfig("toy", "/srv/toy.git"), TOY_MAIN, "abc1234def")
                .query().filter().toBsonDocument())
                .isEqualTo(NodeFilter.parse(sameQueryString).toBsonDocument());
    }
}
