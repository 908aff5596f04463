package dev.maestro.pipeline.ra.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.json.JSONObject;

/**
 * An MDB's optional event filter, written {@code key=value[|value…][,key=value…]} (e.g.
 * {@code op=created,kind=checkout|kbuild,state=running}), matched against the CloudEvent's
 * {@code data}; a key may be a dotted path ({@code data.kernel_revision.tree}). Every clause must
 * hold, and a missing key does not match (unlike KernelCI's client filter, which ignores missing
 * keys: a step asking for {@code kind=kbuild} should not get events that have no kind). Values
 * compare as text; JSON null is {@code null}. Events that do not match are acknowledged without
 * being delivered. An envelope that cannot be parsed is delivered, so that it fails in the bean
 * and ends in the dead-letter stream instead of vanishing here.
 */
public final class EventFilter {
    public static final EventFilter ALL = new EventFilter(List.of(), "");

    private final List<Clause> clauses;
    private final String text;

    private record Clause(String[] path, Set<String> values) {
    }

    private EventFilter(List<Clause> clauses, String text) {
        this.clauses = clauses;
        this.text = text;
    }

    /** Parses a filter; null or blank means every event. */
    public static EventFilter parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<Clause> clauses = new ArrayList<>();
        for (String clause : text.split(",")) {
            int eq = clause.indexOf('=');
            if (eq <= 0 || eq == clause.length() - 1) {
                throw new IllegalArgumentException("Event filter clause '" + clause.trim() + "' is not key=value[|value…]");
            }
            Set<String> values = Set.of(clause.substring(eq + 1).trim().split("\\s*\\|\\s*"));
            clauses.add(new Clause(clause.substring(0, eq).trim().split("\\."), values));
        }
        return new EventFilter(List.copyOf(clauses), text.trim());
    }

    boolean matches(Envelope envelope) {
        if (clauses.isEmpty() || !envelope.parsed()) {
            return true;
        }
        for (Clause clause : clauses) {
            Object value = lookup(envelope.data(), clause.path());
            if (value == null || !clause.values().contains(value == JSONObject.NULL ? "null" : value.toString())) {
                return false;
            }
        }
        return true;
    }

    private static Object lookup(JSONObject data, String[] path) {
        Object current = data;
        for (String key : path) {
            if (!(current instanceof JSONObject object) || !object.has(key)) {
                return null;
            }
            current = object.get(key);
        }
        return current;
    }

    @Override
    public String toString() {
        return clauses.isEmpty() ? "none" : text;
    }
}
