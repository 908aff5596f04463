package dev.maestro.api.node.schema;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /node/{id}}: only these fields, each optional; explicit null counts as set. */
@Schema(name = "NodePatch", description = "Fields to change; at least one is required. data replaces the whole data object.")
public class NodePatchSchema {
    @Schema(nullable = true, enumeration = {"running", "available", "closing", "done"},
            description = "Moves only forward: running → available → closing → done")
    public String state;
    @Schema(nullable = true, enumeration = {"pass", "fail", "skip", "incomplete"})
    public String result;
    @Schema(nullable = true, type = SchemaType.OBJECT, description = "Replaces the node's artifacts (name → http(s) URL)")
    public Map<String, String> artifacts;
    @Schema(nullable = true, type = SchemaType.OBJECT, description = "Replaces the whole data object")
    public Map<String, Object> data;
    @Schema(nullable = true, type = SchemaType.OBJECT, description = "Replaces the whole debug object")
    public Map<String, Object> debug;
    @Schema(nullable = true, type = SchemaType.ARRAY, implementation = String.class, description = "Replaces the list")
    public List<String> jobfilter;
    @Schema(nullable = true, type = SchemaType.ARRAY, implementation = String.class, description = "Replaces the list")
    public List<String> platform_filter;
    @Schema(description = "UTC ISO-8601 (see Node)")
    public String timeout;
    @Schema(nullable = true, description = "UTC ISO-8601 (see Node)")
    public String holdoff;
    public Boolean processed_by_kcidb_bridge;
}
