package dev.maestro.node;

import java.util.Optional;

/** The outcome of a node; independent of its state, and {@code null} while unknown. */
public enum NodeResult {
    PASS("pass"),
    FAIL("fail"),
    SKIP("skip"),
    INCOMPLETE("incomplete");

    private final String value;

    NodeResult(String value) {
        this.value = value;
    }

    /** The wire and database spelling. */
    public String value() {
        return value;
    }

    public static Optional<NodeResult> of(String value) {
        for (NodeResult r : values()) {
            if (r.value.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
