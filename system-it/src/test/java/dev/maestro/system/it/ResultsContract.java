package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.system.it.support.ReportMails;
import dev.maestro.system.it.support.SecondPipeline;
import dev.maestro.testing.Mails;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Results reach people, end to end on two pipeline instances sharing MongoDB and Redis, with the
 * example configuration's {@code reports} section and GreenMail as the mail server: tiny-tests'
 * {@code prints-output} passes on commit 1, fails on commit 2 (the program prints nothing) and
 * passes again on commit 3. Exactly one regression of it opens at commit 2 (fail and pass nodes,
 * configuration, the failing run's log), and one of the tiny-tests suite that failed with it (its
 * own log), and commit 3 fixes both; the same test failing on another platform or in another
 * kernel config (reported by a lab under a checkout of commit 1) opens none. Every checkout's
 * report arrives once, with its counts and the regressions listed, also the one whose summary
 * was ready while the mail server was down.
 */
public interface ResultsContract extends PipelineTraceContract {
    /** Three commits one after the other, each about 30 s through every step (retries of the incomplete jobs included). */
    Duration RESULTS_WAIT = Duration.ofMinutes(4);
    String TEST = "prints-output";
    /** The program of commit 2: it runs and takes arguments, but prints nothing. */
    String SILENT_PROGRAM = """
            int main(void)
            {
            \treturn 0;
            }
            """;

    @Test
    default void aTestThatBreaksAndHealsOpensOneRegressionAndEveryCheckoutIsReportedOnceOnTwoInstances() {
        String tag = UUID.randomUUID().toString();
        try (SecondPipeline second = SecondPipeline.start()) {
            ReportMails.serverDown();

            String commit1 = fixture().pushCommit("results: prints " + tag);
            String checkout1 = id(awaitCheckoutOf(commit1));
            Map<String, Object> pass = testRun(commit1);
            assertThat(pass).containsEntry("result", "pass");

            // A lab reports the same test failing on another platform and in another kernel config.
            String lab = labCheckoutLike(checkout1);
            List<String> elsewhere = List.of(labFailure(pass, lab, "platform", "qemu-x86_64"),
                    labFailure(pass, lab, "defconfig", "allnoconfig"));
            Map<String, Object> labSummary = awaitCompleteSummary(lab);
            assertThat(map(labSummary.get("tests"))).containsEntry("total", 2).containsEntry("fail", 2);
            assertThat((List<?>) labSummary.get("new_regressions")).isEmpty();
            for (String failure : elsewhere) {
                assertThat(regressionsFailingAt(failure)).as("regressions opened by " + failure).isEmpty();
            }

            String commit2 = fixture().pushProgram(SILENT_PROGRAM, "results: silent " + tag);

            // Commit 1's summary came while the mail server was down: its report waits and is tried again.
            Map<String, Object> waiting = Poll.until("the report of " + checkout1 + " to fail for want of a mail server", RESULTS_WAIT,
                    () -> report(checkout1), r -> r != null && ((Number) r.get("attempts")).intValue() >= 1 && "pending".equals(r.get("state")));
            assertThat(waiting.get("last_error")).isNotNull();
            assertThat(ReportMails.withSubject((String) waiting.get("subject"))).isEmpty();
            ReportMails.serverUp();

            String checkout2 = id(awaitCheckoutOf(commit2));
            Map<String, Object> fail = testRun(commit2);
            assertThat(fail).containsEntry("result", "fail");
            Map<String, Object> regression = map(Poll.until("a regression failing at " + id(fail), RESULTS_WAIT,
                    () -> regressionsFailingAt(id(fail)), found -> !found.isEmpty()).get(0));
            assertThat(regression).containsEntry("kind", "regression").containsEntry("state", "done").containsEntry("result", "fail")
                    .containsEntry("name", TEST).containsEntry("path", fail.get("path")).containsEntry("parent", checkout2);
            Map<String, Object> data = map(regression.get("data"));
            assertThat(data).containsEntry("fail_node", id(fail)).containsEntry("pass_node", id(pass))
                    .containsEntry("platform", "shell").containsEntry("arch", "x86_64").containsEntry("defconfig", "tinyconfig")
                    .containsEntry("compiler", "gcc");
            assertThat(map(data.get("failed_kernel_revision"))).containsEntry("commit", commit2).containsEntry("tree", "toy")
                    .containsEntry("branch", "main");
            assertThat(map(data.get("passed_kernel_revision"))).containsEntry("commit", commit1);
            // The suite that posted the failing test fails too: a regression of its own, against its own pass.
            String suite = (String) fail.get("parent");
            Map<String, Object> suiteRegression = map(Poll.until("a regression failing at " + suite, RESULTS_WAIT,
                    () -> regressionsFailingAt(suite), found -> !found.isEmpty()).get(0));
            assertThat(suiteRegression).containsEntry("name", "tiny-tests").containsEntry("parent", checkout2);
            assertThat(map(suiteRegression.get("data"))).containsEntry("pass_node", pass.get("parent"));

            String commit3 = fixture().pushProgram(FixtureRepo.HELLO, "results: prints again " + tag);
            String checkout3 = id(awaitCheckoutOf(commit3));
            Map<String, Object> passAgain = testRun(commit3);
            assertThat(passAgain).containsEntry("result", "pass");
            Map<String, Object> fixed = Poll.until("regression " + id(regression) + " to be fixed", RESULTS_WAIT,
                    () -> api().get("/latest/node/" + id(regression)).map(), n -> "pass".equals(n.get("result")));
            assertThat(map(fixed.get("data"))).containsEntry("fixed_by", id(passAgain)).containsEntry("fail_node", id(fail));
            assertThat(map(map(fixed.get("data")).get("fixed_kernel_revision"))).containsEntry("commit", commit3);
            assertThat(Poll.until("regression " + id(suiteRegression) + " to be fixed", RESULTS_WAIT,
                    () -> api().get("/latest/node/" + id(suiteRegression)).map(), n -> "pass".equals(n.get("result"))).get("data"))
                    .satisfies(d -> assertThat(map(d)).containsEntry("fixed_by", passAgain.get("parent")));

            // Every checkout's report arrives, once, with its counts.
            Map<String, Map<String, Object>> summaries = new LinkedHashMap<>();
            for (String checkout : List.of(checkout1, lab, checkout2, checkout3)) {
                summaries.put(checkout, awaitSentReport(checkout));
            }
            Map<String, MimeMessage> mails = new LinkedHashMap<>();
            summaries.forEach((checkout, summary) -> {
                String subject = (String) map(summary.get("report")).get("subject");
                assertThat(subject).isEqualTo("[maestro] toy/main " + summary.get("describe") + ": " + map(summary.get("builds")).get("total")
                        + " builds, " + map(summary.get("tests")).get("total") + " tests, " + summary.get("new_regression_count")
                        + " new regressions");
                assertThat(map(summary.get("report")).get("to")).isEqualTo(List.of(ReportMails.recipient()));
                mails.put(checkout, ReportMails.await(subject, WAIT).get(0));
            });
            assertThat(((Number) map(summaries.get(checkout1).get("report")).get("attempts")).intValue()).isGreaterThanOrEqualTo(2);

            Map<String, Object> broken = summaries.get(checkout2);
            assertThat(map(broken.get("builds"))).containsEntry("total", 1).containsEntry("pass", 1);
            assertThat(map(broken.get("tests"))).containsEntry("total", 4).containsEntry("pass", 3).containsEntry("fail", 1);
            assertThat((List<?>) broken.get("new_regressions")).extracting(r -> map(r).get("id"))
                    .containsExactlyInAnyOrder(id(regression), id(suiteRegression));
            assertThat(map(summaries.get(checkout1).get("tests"))).containsEntry("pass", 4).containsEntry("fail", 0);
            assertThat((List<?>) summaries.get(checkout3).get("fixed")).extracting(r -> map(r).get("id"))
                    .containsExactlyInAnyOrder(id(regression), id(suiteRegression));

            // Both regressions carry the failing run's log: tiny-tests' job log (not its build's), and the mail links it all.
            String failingJobLog = artifact(api().get("/latest/node/" + suite).map(), "log");
            for (String opened : List.of(id(regression), id(suiteRegression))) {
                assertThat(map(api().get("/latest/node/" + opened).map().get("artifacts"))).as("artifacts of " + opened)
                        .containsEntry("log", failingJobLog);
            }
            String text = ReportMails.part(mails.get(checkout2), "text/plain");
            assertThat(text.indexOf("New regressions (2)")).isNotNegative().isLessThan(text.indexOf("Builds:"));
            assertThat(text).contains(((List<?>) fail.get("path")).stream().map(String::valueOf).collect(Collectors.joining(".")) + " on shell",
                    "/node/" + id(fail), "/node/" + suite, failingJobLog, (String) broken.get("summary_url"),
                    "Tests:  4 (3 pass, 1 fail, 0 skip, 0 incomplete)");
            assertThat(ReportMails.part(mails.get(checkout2), "text/html")).contains("/node/" + id(fail), failingJobLog);
            assertThat(ReportMails.part(mails.get(checkout3), "text/plain")).contains("Fixed\n  * ", "/node/" + id(regression));

            // One regression of each for the whole story, whichever instance handled which event; both took part.
            assertThat(api().get("/latest/nodes?kind=regression&name=" + TEST).list("items")).hasSize(1);
            assertThat(api().get("/latest/nodes?kind=regression&name=tiny-tests").list("items")).hasSize(1);
            assertThat(api().get("/latest/nodes?kind=regression&parent=" + checkout2).list("items")).hasSize(2);
            assertThat(second.consumers()).filteredOn(c -> "regression".equals(c.get("group")))
                    .singleElement().satisfies(c -> assertThat(((Number) c.get("deliveries")).longValue()).isPositive());
            assertEveryReportArrivedOnce();
            Poll.until("the second pipeline to run no job", WAIT, () -> ((Number) map(second.stats().get("steps")).get("running_jobs")).intValue() == 0);
        } finally {
            ReportMails.serverUp();
            if (!fixture().hasOriginalProgram()) {
                fixture().pushProgram(FixtureRepo.HELLO, "results: the program prints again " + tag);
            }
        }
    }

    /** Each sent report's subject arrived as many times as sent reports have it: no checkout was mailed twice. */
    private void assertEveryReportArrivedOnce() {
        List<Map<String, Object>> sent = api().get("/latest/nodes?kind=checkout&limit=1000").list("items").stream()
                .map(c -> report(id(map(c)))).filter(r -> r != null && "sent".equals(r.get("state"))).toList();
        Map<String, Long> expected = sent.stream().collect(Collectors.groupingBy(r -> (String) r.get("subject"), Collectors.counting()));
        Map<String, Long> received = ReportMails.received().stream().collect(Collectors.groupingBy(Mails::subjectOf, Collectors.counting()));
        assertThat(expected).isNotEmpty();
        expected.forEach((subject, count) -> assertThat(received.get(subject)).as("reports \"" + subject + "\"").isEqualTo(count));
    }

    /** The pipeline's finished run of the test under the checkout of {@code commit} (a lab's runs are the admin's). */
    private Map<String, Object> testRun(String commit) {
        return map(Poll.until(TEST + " of " + commit + " to be done", RESULTS_WAIT,
                () -> api().get("/latest/nodes?kind=test&state=done&owner=maestro-pipeline&name=" + TEST
                        + "&data.kernel_revision.commit=" + commit).list("items"), items -> !items.isEmpty()).get(0));
    }

    /** A checkout of the same revision as {@code checkoutId}, created by a lab (the admin): the pipeline archives it but schedules nothing under it. */
    private String labCheckoutLike(String checkoutId) {
        Map<String, Object> revision = map(map(api().get("/latest/node/" + checkoutId).map().get("data")).get("kernel_revision"));
        ApiResponse created = admin().post("/latest/node", Map.of("kind", "checkout", "name", "checkout", "path", List.of("checkout"),
                "data", Map.of("kernel_revision", revision)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return id(created.map());
    }

    /** Posts, under {@code parent}, a failed run of the same test as {@code pass} but with data.{@code field} = {@code value}. */
    private String labFailure(Map<String, Object> pass, String parent, String field, String value) {
        Map<String, Object> data = new LinkedHashMap<>(map(pass.get("data")));
        data.put(field, value);
        Map<String, Object> node = new LinkedHashMap<>();
        for (String copied : List.of("kind", "name", "path", "group")) {
            node.put(copied, pass.get(copied));
        }
        node.putAll(Map.of("parent", parent, "state", "done", "result", "fail", "data", data));
        ApiResponse created = admin().post("/latest/node", node);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return id(created.map());
    }

    private List<Object> regressionsFailingAt(String nodeId) {
        return api().get("/latest/nodes?kind=regression&data.fail_node=" + nodeId).list("items");
    }

    private Map<String, Object> awaitCompleteSummary(String checkoutId) {
        return Poll.until("the summary of " + checkoutId + " to be complete", RESULTS_WAIT,
                () -> pipeline().get("/summary/" + checkoutId).map(), s -> Boolean.TRUE.equals(s.get("complete")));
    }

    private Map<String, Object> awaitSentReport(String checkoutId) {
        return Poll.until("the report of " + checkoutId + " to be sent", RESULTS_WAIT,
                () -> pipeline().get("/summary/" + checkoutId).map(),
                s -> s.get("report") instanceof Map<?, ?> r && "sent".equals(r.get("state")));
    }

    /** The checkout's report delivery ({@code state}, {@code subject}, {@code attempts}…), null until its summary is recorded. */
    private Map<String, Object> report(String checkoutId) {
        Object report = pipeline().get("/summary/" + checkoutId).map().get("report");
        return report == null ? null : map(report);
    }

    private static String id(Map<String, Object> node) {
        return (String) node.get("id");
    }

    private static Map<String, Object> map(Object value) {
        return PipelineTraceContract.map(value);
    }
}
