package dev.maestro.pipeline.config;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

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

    /**
     * Why {@code subject} is not a usable template, if it is not: checked when the configuration
     * is read, so that a bad subject is refused at start rather than when the first mail is due.
     */
    public static Optional<String> subjectProblem(String subject) {
        try {
            new DefaultMustacheFactory().compile(new StringReader(subject), "subject");
            return Optional.empty();
        } catch (MustacheException e) {
            return Optional.of("not a valid Mustache template: " + e.getMessage());
        }
    }

    /** Whether a checkout of {@code tree}/{@code branch} is reported by this entry (it has recipients too). */
    public boolean covers(String tree, String branch) {
        return !to.isEmpty() && trees.contains(tree) && (branches.isEmpty() || branches.contains(branch));
    }
}
