package dev.maestro.pipeline.patchwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Patchwork checks a patchset's complete summary gives, the same on every patch of its
 * series: one per job group that ran ({@value #BUILDS} for kbuilds, {@value #TESTS} for tests),
 * {@code fail} when a job of the group failed, {@code warning} when one could not finish, else
 * {@code success}, described with the counts. A series that was not applied (the patchset node
 * failed before any job) gets one {@value #APPLY} check, {@code fail}, with the node's reason
 * (which names the patch that did not apply).
 */
public final class CheckVerdicts {
    public static final String BUILDS = "maestro-builds";
    public static final String TESTS = "maestro-tests";
    public static final String APPLY = "maestro-apply";
    /** Patchwork keeps descriptions as text; long ones only clutter its patch page. */
    private static final int MAX_DESCRIPTION = 500;

    private CheckVerdicts() {
    }

    /**
     * @param summary    the patchset's recorded summary ({@code builds}, {@code tests}, {@code summary_url})
     * @param result     the patchset node's own result
     * @param errorMsg   the patchset node's {@code data.error_msg}, when it has one
     */
    public static List<PatchworkCheck> of(Map<String, Object> summary, String result, String errorMsg) {
        String target = String.valueOf(summary.get("summary_url"));
        Map<?, ?> builds = counts(summary.get("builds"));
        Map<?, ?> tests = counts(summary.get("tests"));
        List<PatchworkCheck> checks = new ArrayList<>();
        if (total(builds) == 0 && total(tests) == 0 && !"pass".equals(result)) {
            String why = errorMsg == null || errorMsg.isBlank() ? "the series could not be applied (" + result + ")" : errorMsg;
            checks.add(new PatchworkCheck("fail", APPLY, abbreviate(why), target));
            return checks;
        }
        if (total(builds) > 0 || total(tests) == 0) {
            checks.add(new PatchworkCheck(state(builds), BUILDS, describe("builds", builds), target));
        }
        if (total(tests) > 0) {
            checks.add(new PatchworkCheck(state(tests), TESTS, describe("tests", tests), target));
        }
        return checks;
    }

    private static String state(Map<?, ?> counts) {
        if (count(counts, "fail") > 0) {
            return "fail";
        }
        return count(counts, "incomplete") > 0 ? "warning" : "success";
    }

    private static String describe(String what, Map<?, ?> counts) {
        StringBuilder text = new StringBuilder().append(total(counts)).append(' ').append(what);
        String separator = ": ";
        for (Map.Entry<?, ?> e : counts.entrySet()) {
            if (!"total".equals(e.getKey())) {
                text.append(separator).append(e.getValue()).append(' ').append(e.getKey());
                separator = ", ";
            }
        }
        return text.toString();
    }

    private static Map<?, ?> counts(Object value) {
        return value instanceof Map<?, ?> m ? m : Map.of();
    }

    private static long total(Map<?, ?> counts) {
        return count(counts, "total");
    }

    private static long count(Map<?, ?> counts, String key) {
        return counts.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION - 1) + "…" : text;
    }
}
