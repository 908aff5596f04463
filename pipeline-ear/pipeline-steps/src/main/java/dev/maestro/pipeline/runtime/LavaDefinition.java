package dev.maestro.pipeline.runtime;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import dev.maestro.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Renders a LAVA job definition from a Mustache template. {@code {{name}}} inserts the value as
 * one YAML scalar (a whole number as is, anything else double-quoted), so no value can change
 * the document's structure; {@code {{{name}}}} inserts the raw text, for values the template
 * knows to be safe inside a larger scalar. A placeholder with no value is an error, as for shell
 * jobs. The result must be a YAML mapping; it is then completed with what the pipeline owns
 * (see {@link #complete}) and written out again, as KernelCI round-trips its definitions.
 */
final class LavaDefinition {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\{?\\s*([A-Za-z0-9_]+)\\s*}?}}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    private LavaDefinition() {
    }

    static Map<String, Object> render(String templateName, String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new JobRuntimeException(JobFailure.JOB_GENERATION_ERROR, "Template " + templateName + ": {{"
                        + m.group(1) + "}} has no value (known: " + String.join(", ", values.keySet().stream().sorted().toList()) + ")");
            }
        }
        StringWriter out = new StringWriter();
        try {
            new YamlScalarFactory().compile(new StringReader(template), templateName).execute(out, values);
        } catch (MustacheException e) {
            throw new JobRuntimeException(JobFailure.JOB_GENERATION_ERROR, "Template " + templateName + ": " + e.getMessage(), e);
        }
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(out.toString());
        } catch (YAMLException e) {
            throw new JobRuntimeException(JobFailure.JOB_GENERATION_ERROR, "Template " + templateName
                    + " does not render to valid YAML: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new JobRuntimeException(JobFailure.JOB_GENERATION_ERROR, "Template " + templateName
                    + " must render to a YAML mapping (a LAVA job definition)");
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        map.forEach((k, v) -> definition.put(String.valueOf(k), v));
        return definition;
    }

    /**
     * Sets what the pipeline decides rather than the template: the priority, the {@code notify}
     * callback to this pipeline (LAVA sends the token stored under {@code callbackTokenName}),
     * {@code metadata.node_id}, and the queue timeout when the lab has one. A template's
     * {@code job_name} and {@code visibility} are kept; they default to the node and {@code public}.
     */
    static String complete(Map<String, Object> definition, int priority, String callbackUrl, String callbackTokenName,
                           String nodeId, String defaultJobName, long queueTimeoutSeconds) {
        definition.putIfAbsent("job_name", defaultJobName);
        definition.putIfAbsent("visibility", "public");
        definition.put("priority", priority);
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("url", callbackUrl);
        callback.put("method", "POST");
        callback.put("token", callbackTokenName);
        callback.put("dataset", "all");
        callback.put("content-type", "json");
        definition.put("notify", Map.of("criteria", Map.of("status", "finished"), "callback", callback));
        Map<String, Object> metadata = new LinkedHashMap<>(definition.get("metadata") instanceof Map<?, ?> m
                ? stringKeys(m) : Map.of());
        metadata.put("node_id", nodeId);
        definition.put("metadata", metadata);
        if (queueTimeoutSeconds > 0) {
            Map<String, Object> timeouts = new LinkedHashMap<>(definition.get("timeouts") instanceof Map<?, ?> t
                    ? stringKeys(t) : Map.of());
            timeouts.put("queue", Map.of("seconds", queueTimeoutSeconds));
            definition.put("timeouts", timeouts);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        return new Yaml(new Representer(options), options).dump(definition);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** {@code {{x}}} as a YAML scalar: JSON's string syntax is YAML's double-quoted style. */
    private static final class YamlScalarFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(WHOLE_NUMBER.matcher(value).matches() ? value : Json.write(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
