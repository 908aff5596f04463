package dev.maestro.node.query;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query names of node fields: which stored field each names ({@code id} is {@code _id}) and
 * its {@link FieldType}. Fields KernelCI's models declare are typed; {@code artifacts.*} are
 * strings (URLs); the rest of {@code data.*}, {@code debug.*} and unknown names are untyped.
 */
public final class NodeFields {
    private static final Pattern NAME = Pattern.compile("[^.$\\x00][^.\\x00]*(\\.[^.$\\x00][^.\\x00]*)*");
    private static final Map<String, FieldType> TYPES = Map.ofEntries(
            Map.entry("id", FieldType.OBJECT_ID),
            Map.entry("parent", FieldType.OBJECT_ID),
            Map.entry("created", FieldType.DATE),
            Map.entry("updated", FieldType.DATE),
            Map.entry("timeout", FieldType.DATE),
            Map.entry("holdoff", FieldType.DATE),
            Map.entry("retry_counter", FieldType.INTEGER),
            Map.entry("processed_by_kcidb_bridge", FieldType.BOOLEAN),
            Map.entry("kind", FieldType.STRING),
            Map.entry("name", FieldType.STRING),
            Map.entry("path", FieldType.STRING),
            Map.entry("group", FieldType.STRING),
            Map.entry("state", FieldType.STRING),
            Map.entry("result", FieldType.STRING),
            Map.entry("owner", FieldType.STRING),
            Map.entry("submitter", FieldType.STRING),
            Map.entry("treeid", FieldType.STRING),
            Map.entry("user_groups", FieldType.STRING),
            Map.entry("jobfilter", FieldType.STRING),
            Map.entry("platform_filter", FieldType.STRING),
            Map.entry("data.kernel_revision.version.version", FieldType.INTEGER),
            Map.entry("data.kernel_revision.version.patchlevel", FieldType.INTEGER),
            Map.entry("data.kernel_revision.version.sublevel", FieldType.INTEGER),
            Map.entry("data.kernel_revision.tip_of_branch", FieldType.BOOLEAN));

    private NodeFields() {
    }

    public static FieldType typeOf(String field) {
        FieldType t = TYPES.get(field);
        if (t != null) {
            return t;
        }
        return field.startsWith("artifacts.") ? FieldType.STRING : FieldType.UNTYPED;
    }

    /** The document field a query name addresses. */
    public static String storedName(String field) {
        return field.equals("id") ? "_id" : field;
    }

    /**
     * Whether a name may be used in a query or sort: non-empty dot-separated segments, none
     * starting with {@code $} (so never an operator such as {@code $where}), no NUL.
     */
    public static boolean isValidName(String field) {
        return NAME.matcher(field).matches();
    }
}
