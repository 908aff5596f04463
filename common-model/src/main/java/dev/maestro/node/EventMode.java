package dev.maestro.node;

import dev.maestro.error.ValidationException;
import java.util.Locale;
import java.util.Set;

/** Whether a write publishes its node event ({@code ?noevent=true} suppresses it). */
public enum EventMode {
    PUBLISH,
    SUPPRESS;

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

    /**
     * Reads the {@code noevent} query parameter as pydantic reads a boolean (true/false, 1/0,
     * yes/no, on/off, in any case); absent means publish, anything else is a 422.
     */
    public static EventMode fromNoevent(String noevent) {
        if (noevent == null) {
            return PUBLISH;
        }
        String v = noevent.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return SUPPRESS;
        }
        if (FALSE.contains(v)) {
            return PUBLISH;
        }
        throw ValidationException.of("bool_parsing", "Input should be a valid boolean, unable to interpret input",
                "query", "noevent");
    }
}
