package dev.maestro.api.openapi;

import dev.maestro.api.node.schema.NodeProperties;
import dev.maestro.api.node.schema.NodeProperties.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The node-shaped schemas of the document (MicroProfile OpenAPI's {@code mp.openapi.model.reader}),
 * made from common-model's node field table through {@link NodeProperties} rather than written
 * as annotated classes: {@code Node}, {@code NodePatch}, and those holding nodes,
 * {@code NodePage}, {@code NodeList} and {@code Hierarchy}. The resources name them by
 * reference ({@code @Schema(ref = "Node")}). The same schemas on either MicroProfile OpenAPI
 * model (see {@link OpenApiFinish}): Payara's 3.x takes one type and a {@code nullable} flag,
 * WildFly's 4.0 (OpenAPI 3.1) a list of types, where {@code null} is one of them.
 */
public class NodeSchemas implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        OpenAPI model = OASFactory.createOpenAPI();
        Components components = OASFactory.createComponents()
                .addSchema("Node", object(NodeProperties.node()).required(new ArrayList<>(NodeProperties.required()))
                        .description("A node: a checkout, a build, a job, a test, a regression… Timestamps are UTC ISO-8601 "
                                + "without offset on output; Z, an offset or a space instead of T are accepted on input."))
                .addSchema("NodePatch", object(NodeProperties.patch())
                        .description("Fields to change; at least one is required. data replaces the whole data object."))
                .addSchema("NodePage", typed(SchemaType.OBJECT)
                        .addProperty("items", arrayOf("Node"))
                        .addProperty("total", integer("int64").description("Number of all matching nodes"))
                        .addProperty("limit", integer("int32"))
                        .addProperty("offset", integer("int32")))
                .addSchema("NodeList", arrayOf("Node").description("An array of Node objects"))
                .addSchema("Hierarchy", typed(SchemaType.OBJECT)
                        .description("A node and its children, recursively")
                        .addProperty("node", OASFactory.createSchema().ref("Node"))
                        .addProperty("child_nodes", arrayOf("Hierarchy")
                                .description("The children, each a hierarchy (possibly with no children)"))
                        .required(new ArrayList<>(List.of("node", "child_nodes"))));
        return model.components(components);
    }

    private static Schema object(List<Property> properties) {
        Schema schema = typed(SchemaType.OBJECT);
        properties.forEach(p -> schema.addProperty(p.name(), property(p)));
        return schema;
    }

    private static Schema property(Property p) {
        Schema schema = typed(SchemaType.valueOf(p.type().toUpperCase(Locale.ROOT)))
                .format(p.format()).description(p.words().description()).example(p.words().example())
                .defaultValue(p.words().defaultValue());
        if ("array".equals(p.type())) {
            schema.items(typed(SchemaType.STRING));
        }
        if (!p.enumeration().isEmpty()) {
            schema.enumeration(new ArrayList<>(p.enumeration()));
        }
        if (p.nullable()) {
            nullable(schema);
        }
        if (p.readOnly()) {
            schema.readOnly(true);
        }
        return schema;
    }

    private static Schema arrayOf(String ref) {
        return typed(SchemaType.ARRAY).items(OASFactory.createSchema().ref(ref));
    }

    private static Schema integer(String format) {
        return typed(SchemaType.INTEGER).format(format);
    }

    private static Schema typed(SchemaType type) {
        Schema schema = OASFactory.createSchema();
        return OpenApiFinish.SAME_MODEL ? schema.type(type) : addType(schema, type.name());
    }

    private static void nullable(Schema schema) {
        if (OpenApiFinish.SAME_MODEL) {
            schema.nullable(true);
        } else {
            addType(schema, "NULL");
        }
    }

    /** The 4.0 model's {@code addType}, which this code, compiled against 3.x, can only name by reflection. */
    private static Schema addType(Schema schema, String type) {
        try {
            return (Schema) Schema.class.getMethod("addType", SchemaType.class).invoke(schema, Enum.valueOf(SchemaType.class, type));
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new IllegalStateException("This server's MicroProfile OpenAPI model takes neither type(SchemaType) nor addType("
                    + type + ")", e);
        }
    }
}
