package dev.maestro.pipeline.lava;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a callback onto the job node's result and child nodes as KernelCI's callback service does:
 * <ul>
 * <li>each suite {@code <n>_<name>} becomes a {@code job} node {@code <name>}; cases with
 * {@code metadata.set} go into a {@code job} node per set; each case is a {@code test} node
 * (a case listed twice keeps its first result);</li>
 * <li>the {@code lava} suite only gives a synthetic {@code setup} suite: {@code login} passes if
 * any login attempt passed, {@code kernelmsg} fails if any kernel-messages check failed;</li>
 * <li>a suite's result is LAVA's result for its test stage, or, when that is missing or
 * {@code pass}, the aggregate of its children: any fail, else any pass (or none at all), else any
 * skip;</li>
 * <li>a complete job passes unless a suite failed ({@code fail}) or {@code setup} failed
 * ({@code incomplete}, the tests never ran); an incomplete job takes {@code error_type} and
 * {@code error_msg} of LAVA's {@code job} entry (else {@code Infrastructure}); an incomplete
 * {@code baseline} job whose login failed for a non-infrastructure reason fails instead;</li>
 * <li>passed {@code artifact-upload:<name>:<url>} cases of the {@code upload} suite become artifacts.</li>
 * </ul>
 * A callback without a log is incomplete, as KernelCI has it.
 */
public final class LavaResultTree {
    static final String SETUP = "setup";
    private static final String UPLOAD = "upload";
    private static final String ARTIFACT_UPLOAD = "artifact-upload:";
    private static final Set<String> LOGIN_CASES = Set.of("auto-login-action", "login-action");
    private static final String KERNEL_MESSAGES = "kernel-messages";
    private static final Set<String> NODE_RESULTS = Set.of("pass", "fail", "skip");
    static final String INFRASTRUCTURE = "Infrastructure";
    static final String UNKNOWN_ERROR = "Unknown infrastructure error";

    private LavaResultTree() {
    }

    /** @param jobName the job node's name ({@code baseline} jobs have their own rule) */
    public static LavaResult map(LavaCallback callback, String jobName) {
        List<LavaTestCase> lavaSuite = callback.suites().getOrDefault(LavaCallback.LAVA_SUITE, List.of());
        Map<String, Object> plain = plainResults(callback);
        Map<String, String> artifacts = uploads(plain.remove(UPLOAD));
        List<LavaResult.Child> children = children(plain, lavaSuite);
        String result = callback.hasLog() ? callback.jobResult() : "incomplete";
        Optional<String> errorCode = Optional.empty();
        Optional<String> errorMessage = Optional.empty();
        if (result.equals("incomplete")) {
            Optional<LavaTestCase> job = lavaSuite.stream().filter(c -> c.name().equals("job")).findFirst();
            errorCode = Optional.of(job.flatMap(j -> j.metadataText("error_type")).orElse(INFRASTRUCTURE));
            errorMessage = Optional.of(job.isPresent() ? job.get().metadataText("error_msg").orElse("")
                    : UNKNOWN_ERROR).filter(m -> !m.isEmpty());
            if (!errorCode.get().equals(INFRASTRUCTURE) && jobName.contains("baseline") && setupFailed(children)) {
                result = "fail";
            }
        } else if (result.equals("pass")) {
            for (LavaResult.Child suite : children) {
                if (suite.result().filter("fail"::equals).isPresent()) {
                    if (suite.name().equals(SETUP)) {
                        result = "incomplete";
                        break;
                    }
                    result = "fail";
                }
            }
        }
        return new LavaResult(result, errorCode, errorMessage, callback.device(), artifacts, children);
    }

    /** Suites as nested maps: a set or a suite is a map, a case is its LAVA result. */
    private static Map<String, Object> plainResults(LavaCallback callback) {
        Map<String, Object> results = new LinkedHashMap<>();
        callback.suites().forEach((key, cases) -> {
            if (key.equals(LavaCallback.LAVA_SUITE)) {
                Map<String, Object> setup = new LinkedHashMap<>();
                anyOf(cases, LOGIN_CASES, "pass").ifPresent(pass -> setup.put("login", pass ? "pass" : "fail"));
                anyOf(cases, Set.of(KERNEL_MESSAGES), "fail").ifPresent(fail -> setup.put("kernelmsg", fail ? "fail" : "pass"));
                if (!setup.isEmpty()) {
                    results.put(SETUP, setup);
                }
            } else {
                results.put(suiteName(key), suiteCases(cases));
            }
        });
        return results;
    }

    /** Empty when no case has one of the names; otherwise whether any of them had {@code result}. */
    private static Optional<Boolean> anyOf(List<LavaTestCase> cases, Set<String> names, String result) {
        List<LavaTestCase> matching = cases.stream().filter(c -> names.contains(c.name())).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.stream().anyMatch(c -> c.result().equals(result)));
    }

    /** {@code 0_kver} is suite {@code kver}: LAVA numbers the test actions. */
    private static String suiteName(String key) {
        int underscore = key.indexOf('_');
        return underscore < 0 ? "" : key.substring(underscore + 1);
    }

    /** Walked from the end so that, for a name listed twice, the first listing's result stays. */
    private static Map<String, Object> suiteCases(List<LavaTestCase> cases) {
        Map<String, Object> suite = new LinkedHashMap<>();
        for (int i = cases.size() - 1; i >= 0; i--) {
            LavaTestCase c = cases.get(i);
            Map<String, Object> target = suite;
            if (c.set().isPresent()) {
                Object existing = suite.get(c.set().get());
                if (!(existing instanceof Map<?, ?>)) {
                    existing = new LinkedHashMap<String, Object>();
                    suite.put(c.set().get(), existing);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> set = (Map<String, Object>) existing;
                target = set;
            }
            target.put(c.name(), c.result());
        }
        return suite;
    }

    private static List<LavaResult.Child> children(Map<String, Object> results, List<LavaTestCase> lavaSuite) {
        List<LavaResult.Child> children = new ArrayList<>();
        results.forEach((name, value) -> {
            if (value instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                List<LavaResult.Child> grandChildren = children((Map<String, Object>) m, lavaSuite);
                Optional<String> stage = stageResult(lavaSuite, name).filter(NODE_RESULTS::contains);
                Optional<String> result = stage.isEmpty() || stage.get().equals("pass") ? aggregate(grandChildren) : stage;
                children.add(new LavaResult.Child(name, "job", result, grandChildren));
            } else {
                children.add(new LavaResult.Child(name, "test",
                        Optional.of(String.valueOf(value)).filter(NODE_RESULTS::contains), List.of()));
            }
        });
        return children;
    }

    /** LAVA's result for the test stage of a suite: the {@code lava} suite's case {@code <n>_<suite>}. */
    private static Optional<String> stageResult(List<LavaTestCase> lavaSuite, String suite) {
        Optional<String> result = Optional.empty();
        for (LavaTestCase c : lavaSuite) {
            if (suiteName(c.name()).equals(suite)) {
                result = Optional.of(c.result());
            }
        }
        return result;
    }

    private static Optional<String> aggregate(List<LavaResult.Child> children) {
        List<String> results = children.stream().map(c -> c.result().orElse("")).toList();
        if (results.contains("fail")) {
            return Optional.of("fail");
        }
        if (results.contains("pass") || results.isEmpty()) {
            return Optional.of("pass");
        }
        return results.contains("skip") ? Optional.of("skip") : Optional.empty();
    }

    private static boolean setupFailed(List<LavaResult.Child> children) {
        return children.stream().anyMatch(c -> c.name().equals(SETUP) && c.result().filter("fail"::equals).isPresent());
    }

    private static Map<String, String> uploads(Object upload) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        if (upload instanceof Map<?, ?> cases) {
            cases.forEach((name, result) -> {
                String text = String.valueOf(name);
                String[] parts = text.split(":", 3);
                if (text.startsWith(ARTIFACT_UPLOAD) && "pass".equals(result) && parts.length == 3
                        && (parts[2].startsWith("http://") || parts[2].startsWith("https://"))) {
                    artifacts.put(parts[1], parts[2]);
                }
            });
        }
        return artifacts;
    }
}
