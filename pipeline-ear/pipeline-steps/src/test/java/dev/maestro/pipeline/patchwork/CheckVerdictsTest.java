package dev.maestro.pipeline.patchwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which checks a patchset's summary gives: a context per job group, the state from the counts. */
class CheckVerdictsTest {
    private static final String URL = "http://ci.example.org/pipeline/summary/65a000000000000000000001";

    @Test
    void passingBuildsAndTestsAreSuccessesDescribedWithTheirCounts() {
        assertThat(CheckVerdicts.of(summary(counts(1, 1, 0, 0), tests(4, 4, 0, 0, 0)), "pass", null)).containsExactly(
                new PatchworkCheck("success", "maestro-builds", "1 builds: 1 pass, 0 fail, 0 incomplete", URL),
                new PatchworkCheck("success", "maestro-tests", "4 tests: 4 pass, 0 fail, 0 skip, 0 incomplete", URL));
    }

    @Test
    void aFailureFailsItsGroupAndAnUnfinishedJobWarns() {
        assertThat(CheckVerdicts.of(summary(counts(2, 1, 0, 1), tests(4, 2, 1, 1, 0)), "pass", null))
                .extracting(PatchworkCheck::context, PatchworkCheck::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maestro-builds", "warning"),
                        org.assertj.core.groups.Tuple.tuple("maestro-tests", "fail"));
    }

    @Test
    void aSeriesThatDidNotApplyIsOneFailNamingThePatch() {
        assertThat(CheckVerdicts.of(summary(counts(0, 0, 0, 0), tests(0, 0, 0, 0, 0)), "fail",
                "patch 2 (0002-change-2.patch) does not apply: hunk #1 FAILED at 3")).containsExactly(
                new PatchworkCheck("fail", "maestro-apply", "patch 2 (0002-change-2.patch) does not apply: hunk #1 FAILED at 3", URL));
    }

    @Test
    void anAppliedSeriesWithNoJobIsOneBuildsSuccess() {
        assertThat(CheckVerdicts.of(summary(counts(0, 0, 0, 0), tests(0, 0, 0, 0, 0)), "pass", null))
                .extracting(PatchworkCheck::context, PatchworkCheck::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maestro-builds", "success"));
    }

    private static Map<String, Object> summary(Map<String, Object> builds, Map<String, Object> tests) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("summary_url", URL);
        summary.put("builds", builds);
        summary.put("tests", tests);
        return summary;
    }

    private static Map<String, Object> counts(long total, long pass, long fail, long incomplete) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", total);
        counts.put("pass", pass);
        counts.put("fail", fail);
        counts.put("incomplete", incomplete);
        return counts;
    }

    private static Map<String, Object> tests(long total, long pass, long fail, long skip, long incomplete) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", total);
        counts.put("pass", pass);
        counts.put("fail", fail);
        counts.put("skip", skip);
        counts.put("incomplete", incomplete);
        return counts;
    }
}
