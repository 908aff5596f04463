package dev.maestro.pipeline.results;

import static dev.maestro.pipeline.results.Nodes.node;
import static dev.maestro.pipeline.results.Nodes.run;
import static dev.maestro.pipeline.results.Nodes.with;
import static dev.maestro.pipeline.results.Nodes.withData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.pipeline.config.ReportConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryAndReportTest {
    private static final String T = "2026-12-03T10:00:00.000000";
    private static final ReportLinks LINKS = new ReportLinks("http://maestro:8001/", "http://maestro:8001/pipeline");

    private final Map<String, Object> checkout = withData(node("checkout", "checkout", "pass", T), "kernel_revision",
            Map.of("tree", "toy", "branch", "main", "commit", "c2", "describe", "v6.1-2-gc2", "url", "file:///toy.git"));
    private final Map<String, Object> build = with(node("kbuild", "kbuild-tiny", "pass", T), "parent", checkout.get("id"));
    private final Map<String, Object> firstSuite = withData(with(node("job", "tiny-tests", "incomplete", T), "parent", build.get("id")),
            "platform", "shell");
    private final Map<String, Object> lostTest = with(node("test", "runs", "incomplete", T), "parent", firstSuite.get("id"));
    /** The second attempt ended with a failing test: a plain failure, not retried again. */
    private final Map<String, Object> retriedSuite = with(with(with(firstSuite, "result", "fail"), "id", "ff" + ((String) firstSuite.get("id")).substring(2)),
            "retry_counter", 1);
    private final Map<String, Object> fail = with(with(run("prints-output", "shell", "c2", "fail", T), "parent", retriedSuite.get("id")),
            "name", "prints-output");
    private final Map<String, Object> pass = with(with(run("runs", "shell", "c2", "pass", T), "parent", retriedSuite.get("id")),
            "name", "runs");
    private final Map<String, Object> skip = with(with(run("takes-arguments", "shell", "c2", "skip", T), "parent", retriedSuite.get("id")),
            "name", "takes-arguments");

    @Test
    void aRetriedJobCountsByItsLastAttemptAndRegressionsAreSorted() {
        List<Map<String, Object>> nodes = List.of(build, firstSuite, lostTest, retriedSuite, fail, pass, skip);
        Map<String, Object> opened = with(RegressionDrafts.open(fail, run("prints-output", "shell", "c1", "pass", T),
                (String) checkout.get("id"), RegressionDrafts.logs(fail)), "id", "abc");
        Map<String, Object> old = withData(with(RegressionDrafts.open(fail, fail, "elsewhere", Map.of()), "id", "def"),
                "node_sequence", List.of(fail.get("id")));
        Map<String, Object> unrelated = with(RegressionDrafts.open(fail, fail, "elsewhere", Map.of()), "id", "0a0");

        Map<String, Object> summary = SummaryCounter.summarize(checkout, nodes, List.of(opened, old, unrelated), LINKS);

        assertThat(summary).containsEntry("tree", "toy").containsEntry("describe", "v6.1-2-gc2")
                .containsEntry("summary_url", "http://maestro:8001/pipeline/summary/" + checkout.get("id"))
                .containsEntry("new_regression_count", 1);
        assertThat(NodeMaps.map(summary.get("builds"))).containsEntry("total", 1).containsEntry("pass", 1L);
        assertThat(NodeMaps.map(summary.get("tests"))).containsEntry("total", 3).containsEntry("pass", 1L)
                .containsEntry("fail", 1L).containsEntry("skip", 1L).containsEntry("incomplete", 0L);
        assertThat((List<?>) summary.get("retries")).hasSize(1);
        assertThat((List<?>) summary.get("new_regressions")).singleElement().satisfies(r -> assertThat(NodeMaps.map(r))
                .containsEntry("path", "checkout.kbuild-tiny.tiny-tests.prints-output")
                .containsEntry("fail_node_url", "http://maestro:8001/latest/node/" + fail.get("id"))
                .containsEntry("log_url", NodeMaps.map(fail.get("artifacts")).get("log")));
        assertThat((List<?>) summary.get("still_failing")).singleElement().satisfies(r -> assertThat(NodeMaps.map(r)).containsEntry("id", "def"));
        assertThat((List<?>) summary.get("fixed")).isEmpty();
    }

    @Test
    void aSummaryWaitsForEveryNodeAndForPendingRetries() {
        Instant now = Instant.parse("2026-12-03T10:01:00Z");

        assertThat(SummaryCounter.complete(checkout, List.of(build, firstSuite, lostTest, retriedSuite), now)).isTrue();
        assertThat(SummaryCounter.complete(checkout, List.of(build, firstSuite, lostTest), now)).as("tiny-tests awaits its retry").isFalse();
        assertThat(SummaryCounter.complete(checkout, List.of(build, with(fail, "state", "running")), now)).isFalse();
        assertThat(SummaryCounter.complete(with(checkout, "state", "closing"), List.of(build), now)).isFalse();
    }

    @Test
    void theMailListsNewRegressionsFirstAndEscapesHtml() {
        Map<String, Object> opened = with(RegressionDrafts.open(with(fail, "name", "<b>bold</b>"), run("prints-output", "shell", "c1", "pass", T),
                (String) checkout.get("id"), RegressionDrafts.logs(fail)), "id", "abc");
        Map<String, Object> summary = SummaryCounter.summarize(checkout, List.of(build, retriedSuite, fail, pass, skip), List.of(opened), LINKS);
        ReportConfig report = new ReportConfig("toy", List.of("toy"), List.of(), List.of("dev@example.org"), ReportConfig.DEFAULT_SUBJECT);

        ReportMail mail = new ReportRenderer().mail(report, summary);

        assertThat(mail.subject()).isEqualTo("[maestro] toy/main v6.1-2-gc2: 1 builds, 3 tests, 1 new regressions");
        assertThat(mail.text()).contains("New regressions (1)", "failing node: http://maestro:8001/latest/node/" + fail.get("id"),
                "log:          " + NodeMaps.map(fail.get("artifacts")).get("log"), "Tests:  3 (1 pass, 1 fail, 1 skip, 0 incomplete)");
        assertThat(mail.text().indexOf("New regressions")).isLessThan(mail.text().indexOf("Builds:"));
        assertThat(mail.html()).contains("<h2>New regressions (1)</h2>", "href=\"http://maestro:8001/latest/node/" + fail.get("id") + "\"",
                "http://maestro:8001/pipeline/summary/" + checkout.get("id"));
        assertThat(new ReportRenderer().page(summary)).contains("toy/main v6.1-2-gc2", "Still failing");
        List<Object> names = new ArrayList<>(List.of(mail.html()));
        assertThat(names).allSatisfy(html -> assertThat((String) html).doesNotContain("<b>bold</b>"));
    }

    @Test
    void aBrokenSubjectTemplateIsAProblem() {
        assertThat(ReportConfig.subjectProblem("{{#x}} unclosed")).isPresent();
        assertThat(ReportConfig.subjectProblem(ReportConfig.DEFAULT_SUBJECT)).isEmpty();
    }

    @Test
    void aPatchsetsSummaryNamesItsSeriesAndThePlainCheckoutsDoesNot() {
        Map<String, Object> patchset = withData(with(node("checkout", "patchset", "pass", T), "parent", checkout.get("id")),
                "kernel_revision", Map.of("tree", "toy", "branch", "main", "commit", "c2", "describe", "v6.1-2-gc2",
                        "url", "file:///toy.git", "patchset", "d4502489e9b532c9"));

        Map<String, Object> summary = SummaryCounter.summarize(patchset, List.of(), List.of(), LINKS);

        assertThat(summary).containsEntry("patchset", "d4502489e9b532c9");
        assertThat(SummaryCounter.summarize(checkout, List.of(), List.of(), LINKS)).doesNotContainKey("patchset");
        assertThat(new ReportRenderer().page(summary)).contains("v6.1-2-gc2 + patchset d4502489e9b532c9");
        ReportConfig report = new ReportConfig("toy", List.of("toy"), List.of(), List.of("dev@example.org"), ReportConfig.DEFAULT_SUBJECT);
        assertThat(new ReportRenderer().mail(report, summary).text())
                .contains("  Describe: v6.1-2-gc2\n  Patchset: d4502489e9b532c9\n  URL:");
        assertThat(new ReportRenderer().mail(report, SummaryCounter.summarize(checkout, List.of(), List.of(), LINKS)).text())
                .contains("  Describe: v6.1-2-gc2\n  URL:").doesNotContain("patchset");
    }
}
