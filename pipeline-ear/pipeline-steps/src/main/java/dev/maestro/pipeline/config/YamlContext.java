package dev.maestro.pipeline.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What reading one file shares: its name, the environment for {@code ${VAR}} substitution, and
 * the problems found so far (all of them are reported together, not just the first).
 */
final class YamlContext {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Path file;
    private final Map<String, String> environment;
    private final List<ConfigProblem> problems = new ArrayList<>();

    YamlContext(Path file, Map<String, String> environment) {
        this.file = file;
        this.environment = environment;
    }

    void problem(Node at, String key, String message) {
        problems.add(new ConfigProblem(file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1,
                key, message));
    }

    void problem(int line, int column, String key, String message) {
        problems.add(new ConfigProblem(file, line, column, key, message));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    ConfigException failure() {
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return new ConfigException(file, sorted);
    }

    /** Replaces {@code ${NAME}} and {@code ${NAME:-default}} with the environment's values. */
    String expand(String text, Node at, String key) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = environment.get(m.group(1));
            if (value == null || value.isEmpty()) {
                value = m.group(2);
            }
            if (value == null) {
                problem(at, key, "environment variable " + m.group(1) + " is not set (write ${" + m.group(1)
                        + ":-default} to give a default)");
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
