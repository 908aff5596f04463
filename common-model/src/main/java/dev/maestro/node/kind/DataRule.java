package dev.maestro.node.kind;

import java.util.List;

/** A rule one value inside a node's {@code data} must satisfy; failures are added as readable lines. */
@FunctionalInterface
interface DataRule {
    void check(Object value, String path, List<String> errors);
}
