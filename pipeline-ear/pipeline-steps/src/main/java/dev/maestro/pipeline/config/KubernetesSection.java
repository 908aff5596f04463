package dev.maestro.pipeline.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the keys of a {@code lab_type: kubernetes} runtime entry into a {@link KubernetesConfig};
 * on an entry of another lab type those keys are problems rather than silently unused.
 */
final class KubernetesSection {
    /** The keys a kubernetes runtime entry may have besides {@code lab_type} and {@code timeout}. */
    static final List<String> KEYS = List.of("kubeconfig", "context", "namespace", "image", "resources", "api_url",
            "storage_url");
    private static final List<String> RESOURCE_KINDS = List.of("requests", "limits");
    /** A Kubernetes quantity: a decimal number with an optional suffix such as m, Ki, Mi, G or e3. */
    private static final Pattern QUANTITY = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i|[numkMGTPE])?");
    /** A DNS-1123 label, which namespaces must be. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private KubernetesSection() {
    }

    static Optional<KubernetesConfig> read(YamlMapping m, Optional<LabType> type, Path configDirectory) {
        if (type.isPresent() && type.get() != LabType.KUBERNETES) {
            KEYS.stream().filter(k -> m.entries().containsKey(k)).forEach(k -> m.entries().get(k)
                    .problemAtKey("'" + k + "' is a key of lab_type kubernetes runtimes, not of lab_type "
                            + type.get().wireName()));
            return Optional.empty();
        }
        Optional<String> namespace = m.optional("namespace").flatMap(v -> v.string().filter(text -> {
            boolean valid = NAMESPACE.matcher(text).matches();
            if (!valid) {
                v.problem("'" + text + "' is not a Kubernetes namespace name (lower-case letters, digits and -, at most 63)");
            }
            return valid;
        }));
        Optional<String> context = m.optional("context").flatMap(v -> {
            if (v.node() instanceof SequenceNode) {
                v.problem("one context per runtime entry: define one kubernetes runtime per cluster");
                return Optional.empty();
            }
            return v.string();
        });
        Map<String, Map<String, String>> resources = m.optional("resources").map(KubernetesSection::resources)
                .orElse(Map.of());
        return Optional.of(new KubernetesConfig(
                m.optional("kubeconfig").flatMap(YamlValue::string).map(p -> configDirectory.resolve(p).normalize()),
                context, namespace,
                m.optional("image").flatMap(YamlValue::string),
                resources.getOrDefault("requests", Map.of()), resources.getOrDefault("limits", Map.of()),
                m.optional("api_url").flatMap(ConfigSections::httpUrl).map(KubernetesSection::withoutTrailingSlash),
                m.optional("storage_url").flatMap(ConfigSections::httpUrl).map(KubernetesSection::withoutTrailingSlash)));
    }

    private static Map<String, Map<String, String>> resources(YamlValue value) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        YamlMapping.of(value, RESOURCE_KINDS).ifPresent(kinds -> kinds.entries().forEach((kind, amounts) -> {
            Map<String, String> parsed = new LinkedHashMap<>();
            amounts.mapping().ifPresent(entries -> entries.forEach((resource, amount) -> amount.string().ifPresent(text -> {
                if (QUANTITY.matcher(text).matches()) {
                    parsed.put(resource, text);
                } else {
                    amount.problem("'" + text + "' is not a Kubernetes quantity (such as 500m, 2, 1Gi or 512Mi)");
                }
            })));
            result.put(kind, parsed);
        }));
        return result;
    }

    private static URI withoutTrailingSlash(URI uri) {
        return URI.create(uri.toString().replaceAll("/+$", ""));
    }
}
