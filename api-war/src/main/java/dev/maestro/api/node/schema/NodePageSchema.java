package dev.maestro.api.node.schema;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of {@code GET /nodes}. */
@Schema(name = "NodePage")
public class NodePageSchema {
    @Schema(type = SchemaType.ARRAY, implementation = NodeSchema.class)
    public List<NodeSchema> items;
    @Schema(description = "Number of all matching nodes")
    public long total;
    public int limit;
    public int offset;
}
