package dev.maestro.pipeline.results;

import static dev.maestro.pipeline.results.Nodes.node;
import static dev.maestro.pipeline.results.Nodes.with;
import static dev.maestro.pipeline.results.Nodes.withData;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRetryRuleTest {
    private static final String T = "2026-12-03T10:00:00.000000";

    @Test
    void incompleteJobsAndBuildsAreRetriedThreeTimesAtMost() {
        Map<String, Object> job = node("job", "tiny-tests", "incomplete", T);

        assertThat(JobRetryRule.eligible(job)).isTrue();
        assertThat(JobRetryRule.eligible(node("kbuild", "kbuild-tiny", "incomplete", T))).isTrue();
        assertThat(JobRetryRule.eligible(with(job, "retry_counter", 2))).isTrue();
        assertThat(JobRetryRule.eligible(with(job, "retry_counter", 3))).isFalse();
    }

    @Test
    void passesAndOrdinaryFailuresAreNotRetriedButBaselineFailuresAre() {
        assertThat(JobRetryRule.eligible(node("job", "tiny-tests", "pass", T))).isFalse();
        assertThat(JobRetryRule.eligible(node("job", "tiny-tests", "fail", T))).isFalse();
        assertThat(JobRetryRule.eligible(node("kbuild", "kbuild-tiny", "fail", T))).isFalse();
        assertThat(JobRetryRule.eligible(node("test", "kver", "incomplete", T))).isFalse();
        assertThat(JobRetryRule.eligible(node("job", "baseline-x86", "fail", T))).isTrue();
        assertThat(JobRetryRule.eligible(with(node("job", "tiny-tests", "incomplete", T), "state", "running"))).isFalse();
    }

    @Test
    void theRequestIsTheAncestorNarrowedToTheJob() {
        Map<String, Object> build = node("kbuild", "kbuild-tiny", "pass", T);
        Map<String, Object> job = withData(with(node("job", "hangs", "incomplete", T), "retry_counter", 1), "platform", "shell");

        Map<String, Object> request = JobRetryRule.request(job, build);

        assertThat(request).containsEntry("id", build.get("id")).containsEntry("kind", "kbuild").containsEntry("state", "available")
                .containsEntry("jobfilter", List.of("hangs")).containsEntry("platform_filter", List.of("shell"))
                .containsEntry("retry_counter", 2);
        assertThat(NodeMaps.map(request.get("debug"))).containsEntry("retry_by", job.get("id"));
        assertThat(JobRetryRule.ancestorKind(job)).contains("kbuild");

        Map<String, Object> failedBuild = node("kbuild", "kbuild-tiny", "incomplete", T);
        Map<String, Object> buildRequest = JobRetryRule.request(failedBuild, node("checkout", "checkout", "pass", T));
        assertThat(buildRequest).containsEntry("jobfilter", List.of("kbuild-tiny+")).doesNotContainKey("platform_filter")
                .containsEntry("retry_counter", 1);
        assertThat(JobRetryRule.ancestorKind(failedBuild)).contains("checkout");
    }

    @Test
    void aRetryByHandTakesTheNextCounterNoAttemptOfTheJobHas() {
        Map<String, Object> first = withData(node("job", "hangs", "incomplete", T), "platform", "shell");
        Map<String, Object> third = withData(with(node("job", "hangs", "incomplete", T), "retry_counter", 2), "platform", "shell");
        Map<String, Object> elsewhere = withData(with(node("job", "hangs", "pass", T), "retry_counter", 7), "platform", "qemu");
        Map<String, Object> other = withData(with(node("job", "passes", "pass", T), "retry_counter", 5), "platform", "shell");

        assertThat(JobRetryRule.nextRetryCounter(first, List.of(first, third, elsewhere, other))).isEqualTo(3);
        assertThat(JobRetryRule.nextRetryCounter(first, List.of())).isEqualTo(1);
        assertThat(JobRetryRule.request(first, node("kbuild", "kbuild-tiny", "pass", T), 3)).containsEntry("retry_counter", 3);
    }

    @Test
    void aNodeAwaitsItsRetryUntilItExistsOrForTenMinutes() {
        Map<String, Object> failed = withData(node("job", "hangs", "incomplete", T), "platform", "shell");
        Map<String, Object> retry = withData(with(node("job", "hangs", "incomplete", T), "retry_counter", 1), "platform", "shell");
        Instant soon = Instant.parse("2026-12-03T10:01:00Z");

        assertThat(JobRetryRule.awaitsRetry(failed, List.of(failed), soon)).isTrue();
        assertThat(JobRetryRule.awaitsRetry(failed, List.of(failed, retry), soon)).isFalse();
        assertThat(JobRetryRule.awaitsRetry(failed, List.of(failed), Instant.parse("2026-12-03T10:11:00Z"))).isFalse();
    }
}
