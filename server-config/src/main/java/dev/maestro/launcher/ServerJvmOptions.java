package dev.maestro.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The options of the server's JVM: the launcher's defaults, then the operator's
 * ({@code MAESTRO_JAVA_OPTS}), which win because the JVM takes the last of repeated options.
 */
final class ServerJvmOptions {
    static final List<String> DEFAULTS = List.of("-Xmx1g");
    /** A collector choice: the JVM refuses two, so the operator's replaces the default one. */
    private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");

    private ServerJvmOptions() {
    }

    static List<String> of(List<String> operators) {
        return of(DEFAULTS, operators);
    }

    static List<String> of(List<String> defaults, List<String> operators) {
        boolean operatorChoosesCollector = operators.stream().anyMatch(o -> COLLECTOR.matcher(o).matches());
        List<String> options = new ArrayList<>();
        defaults.stream().filter(d -> !(operatorChoosesCollector && COLLECTOR.matcher(d).matches())).forEach(options::add);
        options.addAll(operators);
        return options;
    }
}
