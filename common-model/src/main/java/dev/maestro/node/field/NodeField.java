package dev.maestro.node.field;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level fields of a node, in KernelCI's order (the order of the JSON and of the stored
 * document). Adding a field is one line here, its component in {@code Node} (with its builder
 * setter and default) and its case in the two switches there that read and set fields by this
 * enum (the compiler asks for both); the document mapping, the JSON, the request readers and the
 * query types pick it up from its {@link Type}, {@link Nulls} and {@link Write}, and so do
 * api-war's OpenAPI schemas of a node and a patch ({@code NodeProperties}, which may add its
 * description). Defaults are those of {@code Node.Builder}.
 */
public enum NodeField {
    //                         wire name (, stored name)     value type            null in a request       requests
    ID(                        "id", "_id",                  Type.OBJECT_ID,       Nulls.ALLOWED,          Write.SET_ONCE),
    KIND(                      "kind",                       Type.STRING,          Nulls.REFUSED,          Write.OPTIONAL),
    NAME(                      "name",                       Type.STRING,          Nulls.REFUSED,          Write.REQUIRED),
    PATH(                      "path",                       Type.STRINGS,         Nulls.REFUSED,          Write.REQUIRED),
    GROUP(                     "group",                      Type.STRING,          Nulls.ALLOWED,          Write.OPTIONAL),
    PARENT(                    "parent",                     Type.OBJECT_ID,       Nulls.ALLOWED,          Write.OPTIONAL),
    STATE(                     "state",                      Type.STATE,           Nulls.IGNORED_BY_PATCH, Write.PATCHABLE),
    RESULT(                    "result",                     Type.RESULT,          Nulls.ALLOWED,          Write.PATCHABLE),
    ARTIFACTS(                 "artifacts",                  Type.URLS,            Nulls.ALLOWED,          Write.PATCHABLE),
    DATA(                      "data",                       Type.OBJECT,          Nulls.ALLOWED,          Write.PATCHABLE),
    DEBUG(                     "debug",                      Type.OBJECT,          Nulls.ALLOWED,          Write.PATCHABLE),
    JOBFILTER(                 "jobfilter",                  Type.STRINGS,         Nulls.ALLOWED,          Write.PATCHABLE),
    PLATFORM_FILTER(           "platform_filter",            Type.STRINGS,         Nulls.ALLOWED,          Write.PATCHABLE),
    CREATED(                   "created",                    Type.TIMESTAMP,       Nulls.REFUSED,          Write.SET_ONCE),
    UPDATED(                   "updated",                    Type.TIMESTAMP,       Nulls.REFUSED,          Write.OPTIONAL),
    TIMEOUT(                   "timeout",                    Type.TIMESTAMP,       Nulls.REFUSED,          Write.PATCHABLE),
    HOLDOFF(                   "holdoff",                    Type.TIMESTAMP,       Nulls.ALLOWED,          Write.PATCHABLE),
    OWNER(                     "owner",                      Type.STRING,          Nulls.ALLOWED,          Write.SET_ONCE),
    SUBMITTER(                 "submitter",                  Type.STRING,          Nulls.ALLOWED,          Write.SET_ONCE),
    TREEID(                    "treeid",                     Type.STRING,          Nulls.ALLOWED,          Write.SET_ONCE),
    USER_GROUPS(               "user_groups",                Type.UNIQUE_STRINGS,  Nulls.REFUSED,          Write.SET_ONCE),
    PROCESSED_BY_KCIDB_BRIDGE( NodeField.KCIDB_FLAG,         Type.BOOLEAN,         Nulls.REFUSED,          Write.PATCHABLE),
    RETRY_COUNTER(             "retry_counter",              Type.INTEGER,         Nulls.REFUSED,          Write.OPTIONAL);

    /**
     * The wire name of {@link #PROCESSED_BY_KCIDB_BRIDGE} as a constant, for the one place that
     * needs it at compile time: the OpenAPI annotation of {@code PUT /batch/nodeset}'s body.
     */
    public static final String KCIDB_FLAG = "processed_by_kcidb_bridge";

    /** The value types; each mapping converts by type, so a new field of a known type needs no code there. */
    public enum Type {
        /** An ObjectId: itself in documents, 24 hex digits in JSON and queries. */
        OBJECT_ID,
        STRING,
        /** A list of strings (queried as a string: an element matches). */
        STRINGS,
        /** A list of strings without repeats (a request repeating one is a 422). */
        UNIQUE_STRINGS,
        /** A {@code NodeState}, as its value. */
        STATE,
        /** A {@code NodeResult}, as its value. */
        RESULT,
        /** Names to http(s) URLs; queried by {@code artifacts.<name>}, as strings. */
        URLS,
        /** A free-form JSON object; its sub-fields are queried untyped. */
        OBJECT,
        /** An instant: a BSON date in documents, Python's isoformat without offset in JSON. */
        TIMESTAMP,
        BOOLEAN,
        /** A 32-bit integer. */
        INTEGER
    }

    /** What an explicit {@code null} in a request means. */
    public enum Nulls {
        /** A type error (422). */
        REFUSED,
        /** The value null. */
        ALLOWED,
        /** A type error when creating or replacing; a patch's null leaves the value as it is. */
        IGNORED_BY_PATCH
    }

    /** How requests write the field. */
    public enum Write {
        /** Must be in a created or replacing node (422 when missing). */
        REQUIRED,
        /** May be in a created or replacing node; omitted, it takes its default. */
        OPTIONAL,
        /** May be in a created node; a replacement keeps the stored value. */
        SET_ONCE,
        /** Like {@link #OPTIONAL}, and a patch may set it. */
        PATCHABLE
    }

    private static final List<NodeField> ALL = List.of(values());
    private static final Map<String, NodeField> BY_WIRE_NAME = new HashMap<>();
    private static final List<NodeField> PATCHABLE_FIELDS;
    private static final List<NodeField> SET_ONCE_FIELDS;

    static {
        List<NodeField> patchable = new ArrayList<>();
        List<NodeField> setOnce = new ArrayList<>();
        for (NodeField f : ALL) {
            BY_WIRE_NAME.put(f.wire, f);
            if (f.write == Write.PATCHABLE) {
                patchable.add(f);
            } else if (f.write == Write.SET_ONCE) {
                setOnce.add(f);
            }
        }
        PATCHABLE_FIELDS = List.copyOf(patchable);
        SET_ONCE_FIELDS = List.copyOf(setOnce);
    }

    private final String wire;
    private final String stored;
    private final Type type;
    private final Nulls nulls;
    private final Write write;
    private final boolean storedAlias;

    NodeField(String wire, Type type, Nulls nulls, Write write) {
        this(wire, wire, type, nulls, write);
    }

    NodeField(String wire, String stored, Type type, Nulls nulls, Write write) {
        this.wire = wire;
        this.stored = stored;
        this.type = type;
        this.nulls = nulls;
        this.write = write;
        this.storedAlias = !stored.equals(wire);
    }

    /** The name in JSON and in queries. */
    public String wire() {
        return wire;
    }

    /** The name in the {@code node} collection's documents (a request may use it too). */
    public String stored() {
        return stored;
    }

    public Type type() {
        return type;
    }

    public Nulls nulls() {
        return nulls;
    }

    public Write write() {
        return write;
    }

    /** Whether a created or replacing node may hold null here. */
    public boolean nullable() {
        return nulls == Nulls.ALLOWED;
    }

    /** Whether the stored name differs from the wire name (so that both are read). */
    public boolean hasStoredAlias() {
        return storedAlias;
    }

    /** Every field, in order. */
    public static List<NodeField> all() {
        return ALL;
    }

    /** The fields a patch may set, in order. */
    public static List<NodeField> patchable() {
        return PATCHABLE_FIELDS;
    }

    /** The fields a replacement keeps from the stored node, in order. */
    public static List<NodeField> setOnce() {
        return SET_ONCE_FIELDS;
    }

    /** The field of that wire name, or null. */
    public static NodeField byWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }
}
