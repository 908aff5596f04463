package dev.maestro.api.node.schema;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** KernelCI's node, as read and written by the node endpoints (documentation only). */
@Schema(name = "Node", description = "A node: a checkout, a build, a job, a test, a regression… Timestamps are UTC ISO-8601 "
        + "without offset on output; Z, an offset or a space instead of T are accepted on input.")
public class NodeSchema {
    @Schema(description = "24-hex id, assigned on creation; forbidden in POST", readOnly = true, example = "61bda8f2eb1a63d2b7152418")
    public String id;
    @Schema(description = "checkout, kbuild, test, job, process, regression, node or patchset; data is validated per kind",
            defaultValue = "node", example = "checkout")
    public String kind;
    @Schema(required = true, example = "checkout")
    public String name;
    @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class, description = "Names from the root node down to this one")
    public List<String> path;
    @Schema(nullable = true)
    public String group;
    @Schema(nullable = true, description = "Id of the parent node, which must exist")
    public String parent;
    @Schema(enumeration = {"running", "available", "closing", "done"}, defaultValue = "running",
            description = "Moves only forward: running → available → closing → done")
    public String state;
    @Schema(nullable = true, enumeration = {"pass", "fail", "skip", "incomplete"})
    public String result;
    @Schema(nullable = true, type = SchemaType.OBJECT, description = "Name → http(s) URL")
    public Map<String, String> artifacts;
    @Schema(nullable = true, type = SchemaType.OBJECT, description = "Per-kind data, e.g. kernel_revision {tree, url, branch, commit}")
    public Map<String, Object> data;
    @Schema(nullable = true, type = SchemaType.OBJECT)
    public Map<String, Object> debug;
    @Schema(nullable = true, type = SchemaType.ARRAY, implementation = String.class)
    public List<String> jobfilter;
    @Schema(nullable = true, type = SchemaType.ARRAY, implementation = String.class)
    public List<String> platform_filter;
    @Schema(example = "2024-02-01T09:58:28.479000")
    public String created;
    @Schema(description = "Set to now on every update")
    public String updated;
    @Schema(description = "Defaults to creation + 6 h")
    public String timeout;
    @Schema(nullable = true)
    public String holdoff;
    @Schema(nullable = true, description = "Username of the creator (set by the API)")
    public String owner;
    @Schema(nullable = true)
    public String submitter;
    @Schema(nullable = true)
    public String treeid;
    @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "Groups whose members may edit the node (unique, must exist)")
    public List<String> user_groups;
    @Schema(defaultValue = "false", description = "Reset by every update that does not set it")
    public boolean processed_by_kcidb_bridge;
    @Schema(defaultValue = "0")
    public int retry_counter;
}
