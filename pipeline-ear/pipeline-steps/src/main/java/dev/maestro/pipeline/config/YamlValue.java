package dev.maestro.pipeline.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of the YAML tree together with the key path that leads to it. Every accessor that finds
 * the wrong type records a problem at the node's line and returns empty, so reading goes on and
 * all problems of a file come out at once.
 */
final class YamlValue {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,]+@[^@\\s<>,]+");
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private final YamlContext context;
    private final Node node;
    private final Node keyNode;
    private final String key;

    YamlValue(YamlContext context, Node node, String key) {
        this(context, node, node, key);
    }

    private YamlValue(YamlContext context, Node node, Node keyNode, String key) {
        this.context = context;
        this.node = node;
        this.keyNode = keyNode;
        this.key = key;
    }

    Node node() {
        return node;
    }

    void problem(String message) {
        context.problem(node, key, message);
    }

    /** A problem with the entry as a whole (an unknown key), reported where the key is written. */
    void problemAtKey(String message) {
        context.problem(keyNode, key, message);
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private YamlValue child(Node nameNode, String name, Node value) {
        return new YamlValue(context, value, nameNode, key.isEmpty() ? name : key + "." + name);
    }

    /**
     * The entries of a mapping, in file order, with YAML merge keys ({@code <<: *anchor})
     * applied; explicit keys win over merged ones. A repeated key is a problem.
     */
    Optional<Map<String, YamlValue>> mapping() {
        if (!(node instanceof MappingNode map)) {
            problem("expected a mapping (key: value lines), found " + describe(node));
            return Optional.empty();
        }
        Map<String, YamlValue> entries = new LinkedHashMap<>();
        Map<String, YamlValue> merged = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node k = tuple.getKeyNode();
            if (Tag.MERGE.equals(k.getTag())) {
                merge(tuple.getValueNode(), merged);
            } else if (!(k instanceof ScalarNode scalar)) {
                context.problem(k, key, "keys must be plain names, found " + describe(k));
            } else if (entries.containsKey(scalar.getValue())) {
                child(k, scalar.getValue(), k).problemAtKey("duplicate key");
            } else {
                entries.put(scalar.getValue(), child(k, scalar.getValue(), tuple.getValueNode()));
            }
        }
        merged.forEach(entries::putIfAbsent);
        return Optional.of(entries);
    }

    private void merge(Node source, Map<String, YamlValue> into) {
        List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
        for (Node s : sources) {
            new YamlValue(context, s, key).mapping().ifPresent(m -> m.forEach(into::putIfAbsent));
        }
    }

    Optional<List<YamlValue>> sequence() {
        if (!(node instanceof SequenceNode seq)) {
            problem("expected a list, found " + describe(node));
            return Optional.empty();
        }
        List<YamlValue> items = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            items.add(new YamlValue(context, seq.getValue().get(i), key + "[" + i + "]"));
        }
        return Optional.of(items);
    }

    /** A scalar as text ({@code 6.1} is the string "6.1"), with {@code ${VAR}} substituted; never blank. */
    Optional<String> string() {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            problem("expected a string, found " + describe(node));
            return Optional.empty();
        }
        String text = context.expand(scalar.getValue(), node, key);
        if (text.isBlank()) {
            problem("must not be empty");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * Mail recipients: one string or a list, each with {@code ${VAR}} substituted and split at
     * commas. Unlike other strings these may expand to nothing (a variable set empty or a
     * {@code :-} default of nothing), which means no recipient; what remains must look like
     * addresses.
     */
    Optional<List<String>> addresses() {
        List<YamlValue> items = node instanceof SequenceNode ? sequence().orElse(List.of()) : List.of(this);
        List<String> addresses = new ArrayList<>();
        boolean valid = true;
        for (YamlValue item : items) {
            if (!(item.node instanceof ScalarNode scalar) || item.isNull()) {
                item.problem("expected an e-mail address, found " + describe(item.node));
                valid = false;
                continue;
            }
            for (String part : context.expand(scalar.getValue(), item.node, item.key).split(",")) {
                String address = part.trim();
                if (address.isEmpty()) {
                    continue;
                }
                if (!ADDRESS.matcher(address).matches()) {
                    item.problem("'" + address + "' is not an e-mail address (name@host)");
                    valid = false;
                }
                addresses.add(address);
            }
        }
        return valid ? Optional.of(addresses) : Optional.empty();
    }

    Optional<List<String>> strings() {
        return sequence().map(items -> items.stream().map(YamlValue::string).flatMap(Optional::stream).toList());
    }

    /**
     * A positive duration: a number of seconds, or {@code 1d2h3m4s} with any of the parts, after
     * {@code ${VAR}} substitution (so that a deployment can tune a holdoff or a timeout).
     */
    Optional<Duration> duration() {
        if (node instanceof ScalarNode scalar && !isNull()) {
            String text = context.expand(scalar.getValue(), node, key).strip();
            if (text.matches("\\d+")) {
                return positive(Duration.ofSeconds(Long.parseLong(text)));
            }
            Matcher m = DURATION.matcher(text);
            if (!text.isEmpty() && m.matches()) {
                return positive(Duration.ofDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3))
                        .plusSeconds(part(m, 4)));
            }
        }
        problem("expected a duration such as 90, 30s, 5m, 2h or 1d12h, found " + describe(node));
        return Optional.empty();
    }

    private Optional<Duration> positive(Duration d) {
        if (d.isZero()) {
            problem("must be longer than zero");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private static long part(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }

    /**
     * The value as plain Java data for job and platform params: maps, lists, strings (with
     * {@code ${VAR}} substituted), numbers, booleans and null.
     */
    Object plain() {
        if (node instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            mapping().ifPresent(m -> m.forEach((k, v) -> map.put(k, v.plain())));
            return map;
        }
        if (node instanceof SequenceNode) {
            List<Object> list = new ArrayList<>();
            sequence().ifPresent(items -> items.forEach(v -> list.add(v.plain())));
            return list;
        }
        if (Tag.STR.equals(node.getTag())) {
            return context.expand(((ScalarNode) node).getValue(), node, key);
        }
        return new ScalarValues().construct(node);
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (Tag.NULL.equals(node.getTag())) {
            return "nothing (null)";
        }
        if (Tag.BOOL.equals(node.getTag())) {
            return "true/false";
        }
        if (Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag())) {
            return "the number " + ((ScalarNode) node).getValue();
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** snakeyaml's own rules for numbers, booleans and null (YAML has many spellings of each). */
    private static final class ScalarValues extends SafeConstructor {
        ScalarValues() {
            super(new LoaderOptions());
        }

        Object construct(Node scalar) {
            return constructObject(scalar);
        }
    }
}
