package dev.maestro.pipeline.config;

import java.util.List;

/**
 * One entry of the {@code reports} section: checkouts of these trees (and branches; none listed
 * means every branch) are mailed to these recipients once their summary is complete. An entry
 * whose recipients all expanded to nothing ({@code ${MAESTRO_REPORT_TO:-}} unset) sends nothing.
 *
 * @param subject a Mustache template over the summary's fields
 */
public record ReportConfig(String name, List<String> trees, List<String> branches, List<String> to, String subject) {
    /** Tree, branch, describe and the counts; the wording of the issue that asked for reports. */
    public static final String DEFAULT_SUBJECT = "[maestro] {{tree}}/{{branch}} {{describe}}: {{builds.total}} builds,"
            + " {{tests.total}} tests, {{new_regression_count}} new regressions";

    public ReportConfig {
        trees = List.copyOf(trees);
        branches = List.copyOf(branches);
        to = List.copyOf(to);
    }

    /** Whether a checkout of {@code tree}/{@code branch} is reported by this entry (it has recipients too). */
    public boolean covers(String tree, String branch) {
        return !to.isEmpty() && trees.contains(tree) && (branches.isEmpty() || branches.contains(branch));
    }
}
