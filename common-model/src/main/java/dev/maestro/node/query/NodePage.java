package dev.maestro.node.query;

import dev.maestro.node.Node;
import java.util.List;

/** One page of a node query and the number of all matches. */
public record NodePage(List<Node> items, long total, PageRequest page) {
}
