package dev.maestro.api.node.schema;

import dev.maestro.node.field.NodeField;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /batch/nodeset}. */
@Schema(name = "NodeSetUpdate")
public class KcidbFlagUpdateSchema {
    @Schema(required = true, type = SchemaType.ARRAY, implementation = String.class, description = "Ids of the nodes to update")
    public List<String> nodes;
    @Schema(required = true, enumeration = {NodeField.KCIDB_FLAG})
    public String field;
    @Schema(required = true, description = "\"true\" or \"false\" (a string, any case)", example = "true")
    public String value;
}
