package dev.maestro.node.query;

/** How a query value is read for a field (see {@link NodeFields} for which field has which). */
public enum FieldType {
    /** Compared as given: never turned into a number, boolean or date. */
    STRING,
    /** A whole number; anything else is a 400. */
    INTEGER,
    /** An ISO-8601 timestamp ({@code Z}, an offset or a space for {@code T} accepted); else 400. */
    DATE,
    /** A 24-hex ObjectId; else 400. */
    OBJECT_ID,
    /** {@code true} or {@code false} in any case; else 400. */
    BOOLEAN,
    /**
     * Free-form fields ({@code data.*}, {@code debug.*}, unknown fields): {@code true}/{@code false}
     * (any case) are booleans; an integer matches the number or the same text (and compares as a
     * number with lt/lte/gt/gte); anything else is a string.
     */
    UNTYPED
}
