package dev.maestro.pipeline.lava;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The body LAVA posts to a job's {@code notify.callback} URL with {@code dataset: all} and
 * {@code content-type: json}: {@code status} (LAVA's job status number), {@code actual_device_id},
 * {@code log} (the job's log as a YAML list of {@code {dt, lvl, msg}}) and {@code results}
 * (one YAML list of test cases per suite, keyed {@code <n>_<suite>}, plus the {@code lava}
 * suite of LAVA's own actions). Everything is read up front, so a malformed body is refused
 * before anything is written.
 */
public final class LavaCallback {
    /** LAVA's job status number of a complete job ({@code TestJob.COMPLETE}); 3 incomplete, 4 canceled, 5 canceling. */
    static final int COMPLETE = 2;
    /** The suite LAVA fills with its own actions. */
    static final String LAVA_SUITE = "lava";

    private final int status;
    private final Optional<String> device;
    private final Optional<String> lavaJobId;
    private final Map<String, List<LavaTestCase>> suites;
    private final List<String> serialLines;
    private final boolean hasLog;

    private LavaCallback(int status, Optional<String> device, Optional<String> lavaJobId,
                         Map<String, List<LavaTestCase>> suites, List<String> serialLines, boolean hasLog) {
        this.status = status;
        this.device = device;
        this.lavaJobId = lavaJobId;
        this.suites = suites;
        this.serialLines = serialLines;
        this.hasLog = hasLog;
    }

    /** @throws LavaCallbackException when a field LAVA always sends is missing or has another shape */
    public static LavaCallback read(Map<String, Object> body) {
        if (!(body.get("status") instanceof Integer status)) {
            throw new LavaCallbackException("'status' must be LAVA's job status number, found " + describe(body.get("status")));
        }
        Object results = body.getOrDefault("results", Map.of());
        if (!(results instanceof Map<?, ?> resultMap)) {
            throw new LavaCallbackException("'results' must map suite names to YAML texts, found " + describe(results));
        }
        Map<String, List<LavaTestCase>> suites = new LinkedHashMap<>();
        resultMap.forEach((name, text) -> suites.put(String.valueOf(name), suite(String.valueOf(name), text)));
        Object log = body.get("log");
        if (log != null && !(log instanceof String)) {
            throw new LavaCallbackException("'log' must be LAVA's log as YAML text, found " + describe(log));
        }
        boolean hasLog = log instanceof String text && !text.isBlank();
        List<String> lines = hasLog ? serialLines((String) log) : List.of();
        return new LavaCallback(status, text(body.get("actual_device_id")), text(body.get("id")), suites, lines, hasLog);
    }

    /** {@code pass} for a complete job, {@code incomplete} for one that failed, was cancelled or never finished. */
    public String jobResult() {
        return status == COMPLETE ? "pass" : "incomplete";
    }

    public Optional<String> device() {
        return device;
    }

    public Optional<String> lavaJobId() {
        return lavaJobId;
    }

    /** The suites in LAVA's order, keyed as LAVA keys them ({@code lava}, {@code 0_kver}…). */
    public Map<String, List<LavaTestCase>> suites() {
        return suites;
    }

    /** Whether the callback carried a log at all (KernelCI makes a job without one incomplete). */
    public boolean hasLog() {
        return hasLog;
    }

    /** What the board printed on its serial console ({@code lvl: target}), control characters as {@code ?}. */
    public String serialLog() {
        return serialLines.isEmpty() ? "" : String.join("\n", serialLines) + "\n";
    }

    private static List<LavaTestCase> suite(String name, Object text) {
        if (!(text instanceof String yaml)) {
            throw new LavaCallbackException("results." + name + " must be a YAML text, found " + describe(text));
        }
        Object parsed = parseYaml("results." + name, yaml);
        if (parsed == null) {
            return List.of();
        }
        if (!(parsed instanceof List<?> cases)) {
            throw new LavaCallbackException("results." + name + " must be a YAML list of test cases");
        }
        List<LavaTestCase> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            if (!(cases.get(i) instanceof Map<?, ?> c) || !(c.get("name") instanceof String caseName)
                    || c.get("result") == null) {
                throw new LavaCallbackException("results." + name + "[" + i + "] must have a 'name' and a 'result'");
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (c.get("metadata") instanceof Map<?, ?> meta) {
                meta.forEach((k, v) -> metadata.put(String.valueOf(k), v));
            }
            out.add(new LavaTestCase(caseName, String.valueOf(c.get("result")), metadata));
        }
        return out;
    }

    private static List<String> serialLines(String yaml) {
        Object parsed = parseYaml("log", yaml);
        if (!(parsed instanceof List<?> entries)) {
            throw new LavaCallbackException("'log' must be a YAML list of {dt, lvl, msg} entries");
        }
        List<String> lines = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> e && "target".equals(e.get("lvl")) && e.get("msg") instanceof String msg) {
                String line = printable(msg.strip());
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c == '\t' || !Character.isISOControl(c) ? c : '?'));
        return out.toString();
    }

    private static Object parseYaml(String where, String yaml) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new LavaCallbackException(where + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : "a " + value.getClass().getSimpleName();
    }
}
