package dev.maestro.node.query;

import java.util.Locale;
import java.util.Optional;

/** The {@code field__op=value} operators of the query language; {@link #EQ} is a plain {@code field=value}. */
public enum Operator {
    EQ, NE, LT, LTE, GT, GTE, RE, IN, NIN, INT;

    /** The operator a key suffix names ({@code lt}, {@code re}, {@code int}…), lower case only. */
    public static Optional<Operator> ofSuffix(String suffix) {
        for (Operator op : values()) {
            if (op != EQ && op.suffix().equals(suffix)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    public String suffix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
