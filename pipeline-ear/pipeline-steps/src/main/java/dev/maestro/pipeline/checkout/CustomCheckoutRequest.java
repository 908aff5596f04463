package dev.maestro.pipeline.checkout;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.NotFoundException;
import dev.maestro.json.BodyFields;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.config.TreeConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A request for a checkout of one commit ({@code POST /pipeline/api/checkout}, KernelCI's body:
 * {@code url}, {@code branch}, {@code commit}, optional {@code jobfilter} and
 * {@code platformfilter}), checked against the configuration with KernelCI's rules and statuses:
 * the commit is 7 to 40 lowercase hexadecimal digits (400); the URL is a configured tree's (404;
 * a local tree also by its absolute path) and the branch one of its build configs' (404: a checkout no build config watches would
 * never get its tarball); each filter has at most {@value #MAX_FILTER} entries (400), each naming
 * a configured job ({@code X+} names job X and everything under it) or platform (404). Shapes
 * (missing fields, a filter that is not a list of distinct strings) are 422s.
 *
 * @param jobfilter      empty: every job
 * @param platformFilter empty: every platform
 */
public record CustomCheckoutRequest(TreeConfig tree, BuildConfig buildConfig, String commit, List<String> jobfilter,
                                    List<String> platformFilter) {
    static final int MAX_FILTER = 8;
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

    public static CustomCheckoutRequest read(Map<String, Object> body, PipelineConfig config) {
        BodyFields fields = new BodyFields(body);
        String url = fields.requiredString("url");
        String branch = fields.requiredString("branch");
        String commit = fields.requiredString("commit");
        List<String> jobfilter = fields.optionalUniqueStrings("jobfilter").orElse(List.of());
        List<String> platformFilter = fields.optionalUniqueStrings("platformfilter").orElse(List.of());
        fields.validate();
        if (!COMMIT.matcher(commit).matches()) {
            throw new BadRequestException("Invalid commit format: '" + commit + "' is not 7 to 40 lowercase hexadecimal digits");
        }
        TreeConfig tree = config.trees().values().stream().filter(t -> sameTree(t.url(), url)).findFirst()
                .orElseThrow(() -> new NotFoundException("Tree not found: no configured tree has the URL " + url));
        BuildConfig buildConfig = config.buildConfigFor(tree.name(), branch)
                .orElseThrow(() -> new NotFoundException("Tree not found: branch " + branch + " of tree " + tree.name()
                        + " is not in any build config"));
        check("jobfilter", jobfilter, entry -> config.jobs().containsKey(entry.endsWith("+") ? entry.substring(0, entry.length() - 1) : entry), "Job");
        check("platformfilter", platformFilter, config.platforms()::containsKey, "Platform");
        return new CustomCheckoutRequest(tree, buildConfig, commit, jobfilter, platformFilter);
    }

    /**
     * The configured URL as written, or, for a local tree (which the configuration holds as a
     * {@code file://} URL), its absolute path.
     */
    private static boolean sameTree(String configured, String requested) {
        return configured.equals(requested)
                || requested.startsWith("/") && configured.equals("file://" + Path.of(requested).normalize());
    }

    private static void check(String field, List<String> entries, Predicate<String> configured, String what) {
        if (entries.size() > MAX_FILTER) {
            throw new BadRequestException("Too many entries in " + field + ": " + entries.size() + " (at most " + MAX_FILTER + ")");
        }
        Optional<String> unknown = entries.stream().filter(configured.negate()).findFirst();
        if (unknown.isPresent()) {
            throw new NotFoundException(what + " " + unknown.get() + " not found in the pipeline configuration (" + field + ")");
        }
    }
}
