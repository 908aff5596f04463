package dev.maestro.api.node.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /nodes/{id}}: a node and its children, recursively. */
@Schema(name = "Hierarchy")
public class HierarchySchema {
    @Schema(required = true)
    public NodeSchema node;
    @Schema(required = true, description = "The children, each a hierarchy (possibly with no children)")
    public List<HierarchySchema> child_nodes;
}
