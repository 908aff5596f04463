package dev.maestro.node.query;

import dev.maestro.node.field.NodeField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query names of node fields: which stored field each names ({@code id} is {@code _id}) and
 * its {@link FieldType}. The fields of {@link NodeField} are typed by their value type, as are the
 * {@code data.kernel_revision} fields KernelCI's models declare; the entries of a map of URLs
 * ({@code artifacts.*}) are strings; the rest of {@code data.*}, {@code debug.*} and unknown
 * names are untyped.
 */
public final class NodeFields {
    private static final Pattern NAME = Pattern.compile("[^.$\\x00][^.\\x00]*(\\.[^.$\\x00][^.\\x00]*)*");
    private static final Map<String, FieldType> TYPES = new HashMap<>();
    /** {@code artifacts.}: the prefix of the entries of each map of URLs. */
    private static final List<String> URL_ENTRY_PREFIXES = new ArrayList<>();

    static {
        for (NodeField f : NodeField.all()) {
            TYPES.put(f.wire(), queryType(f.type()));
            if (f.type() == NodeField.Type.URLS) {
                URL_ENTRY_PREFIXES.add(f.wire() + ".");
            }
        }
        TYPES.put("data.kernel_revision.version.version", FieldType.INTEGER);
        TYPES.put("data.kernel_revision.version.patchlevel", FieldType.INTEGER);
        TYPES.put("data.kernel_revision.version.sublevel", FieldType.INTEGER);
        TYPES.put("data.kernel_revision.tip_of_branch", FieldType.BOOLEAN);
    }

    private NodeFields() {
    }

    public static FieldType typeOf(String field) {
        FieldType t = TYPES.get(field);
        if (t != null) {
            return t;
        }
        for (String prefix : URL_ENTRY_PREFIXES) {
            if (field.startsWith(prefix)) {
                return FieldType.STRING;
            }
        }
        return FieldType.UNTYPED;
    }

    private static FieldType queryType(NodeField.Type type) {
        return switch (type) {
            case OBJECT_ID -> FieldType.OBJECT_ID;
            case TIMESTAMP -> FieldType.DATE;
            case INTEGER -> FieldType.INTEGER;
            case BOOLEAN -> FieldType.BOOLEAN;
            // A list matches when an element does; enums are matched by their value.
            case STRING, STRINGS, UNIQUE_STRINGS, STATE, RESULT -> FieldType.STRING;
            case URLS, OBJECT -> FieldType.UNTYPED;
        };
    }

    /** The document field a query name addresses. */
    public static String storedName(String field) {
        NodeField f = NodeField.byWireName(field);
        return f == null ? field : f.stored();
    }

    /**
     * Whether a name may be used in a query or sort: non-empty dot-separated segments, none
     * starting with {@code $} (so never an operator such as {@code $where}), no NUL.
     */
    public static boolean isValidName(String field) {
        return NAME.matcher(field).matches();
    }
}
