package dev.maestro.pipeline.runtime;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders with shell-quoted values. A value always lands in the
 * script as one single-quoted word, so nothing in it (quotes, {@code $}, backticks, newlines)
 * is ever interpreted by the shell. A placeholder with no value is an error, not an empty
 * string, so that a typo in a template fails the job at generation instead of later.
 */
final class ScriptRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    private ScriptRenderer() {
    }

    static String render(String templateName, String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new JobRuntimeException(JobFailure.JOB_GENERATION_ERROR, "Template " + templateName + ", line "
                        + lineOf(template, m.start()) + ": {{" + m.group(1) + "}} has no value (known: "
                        + String.join(", ", values.keySet().stream().sorted().toList()) + ")");
            }
            if (value.indexOf('\0') >= 0) {
                throw new JobRuntimeException(JobFailure.INVALID_JOB_PARAMS,
                        "The value of {{" + m.group(1) + "}} contains a NUL character, which a shell script cannot hold");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(quote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code it's} becomes {@code 'it'\''s'}: POSIX single quotes, with each quote closed, escaped and reopened. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
