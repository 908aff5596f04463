package dev.maestro.api.node.schema;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bare list of nodes ({@code /nodes/fast}, the hierarchy submit's answer). Payara's OpenAPI
 * generator renders its items as a plain object rather than a reference to {@code Node}, hence
 * the description.
 */
@Schema(name = "NodeList", type = SchemaType.ARRAY, implementation = NodeSchema.class,
        description = "An array of Node objects (see the Node schema)")
public class NodeListSchema {
}
