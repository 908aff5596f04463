package dev.maestro.pipeline.results;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one finished result does to regressions, given the previous finished result of the same
 * test ({@link TestIdentity}) and the regression of that test still open, if any:
 * <ul>
 * <li>fail after pass, nothing open: a regression opens;</li>
 * <li>fail with one open: the fail continues it (one regression, however many runs fail);</li>
 * <li>pass with one open (opened by an earlier fail): the regression is fixed;</li>
 * <li>anything else ({@code incomplete}, {@code skip}, a first run) changes nothing: an
 * incomplete run is neither a pass nor a fail.</li>
 * </ul>
 */
public final class RegressionRule {
    /** The kinds whose results are tracked. */
    public static final Set<String> TRACKED_KINDS = Set.of("test", "job");

    /** The outcome for one result. */
    public sealed interface Step {
    }

    /** Open a regression: {@code pass} is the last passing run. */
    public record Open(Map<String, Object> pass) implements Step {
    }

    /** Add the fail to the open regression's sequence. */
    public record Continue(Map<String, Object> regression) implements Step {
    }

    /** Mark the open regression fixed by this pass. */
    public record Fix(Map<String, Object> regression) implements Step {
    }

    public record Nothing(String why) implements Step {
    }

    private RegressionRule() {
    }

    /** Whether {@code node} is a result regression tracking looks at (a finished test or job). */
    public static boolean tracked(Map<String, Object> node) {
        return TRACKED_KINDS.contains(NodeMaps.text(node.get("kind"))) && "done".equals(node.get("state"));
    }

    /**
     * @param current  the finished result
     * @param previous the newest earlier finished result of the same test, if any
     * @param open     the open regression of the same test, if any
     */
    public static Step decide(Map<String, Object> current, Optional<Map<String, Object>> previous,
                              Optional<Map<String, Object>> open) {
        Object result = current.get("result");
        if ("fail".equals(result)) {
            if (open.isPresent()) {
                return new Continue(open.get());
            }
            if (previous.isPresent() && "pass".equals(previous.get().get("result"))) {
                return new Open(previous.get());
            }
            return new Nothing("no earlier pass");
        }
        if ("pass".equals(result) && open.isPresent() && isAfterItsFailure(current, open.get())) {
            return new Fix(open.get());
        }
        return new Nothing("result " + result + " changes no regression");
    }

    /** A pass that ran before the failure (an event handled late) does not fix it. */
    private static boolean isAfterItsFailure(Map<String, Object> pass, Map<String, Object> regression) {
        Optional<Instant> failed = NodeMaps.time(NodeMaps.data(regression).get("failed_at"));
        Optional<Instant> passed = NodeMaps.time(pass.get("created"));
        return failed.isEmpty() || passed.isEmpty() || !passed.get().isBefore(failed.get());
    }
}
