package dev.maestro.api.openapi;

import dev.maestro.api.node.schema.NodeProperties;
import dev.maestro.api.node.schema.NodeProperties.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
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
 * reference ({@code @Schema(ref = "Node")}). On a server whose model is not the 3.x one this is
 * written for (see {@link OpenApiFinish}), it adds nothing.
 */
public class NodeSchemas implements OASModelReader {
    private static final Logger LOG = Logger.getLogger(NodeSchemas.class.getName());

    @Override
    public OpenAPI buildModel() {
        OpenAPI model = OASFactory.createOpenAPI();
        if (!OpenApiFinish.SAME_MODEL) {
            LOG.info("The node schemas are not added to the OpenAPI document: this server's MicroProfile OpenAPI model is not the 3.x one");
            return model;
        }
        Components components = OASFactory.createComponents()
                .addSchema("Node", object(NodeProperties.node()).required(new ArrayList<>(NodeProperties.required()))
                        .description("A node: a checkout, a build, a job, a test, a regression… Timestamps are UTC ISO-8601 "
                                + "without offset on output; Z, an offset or a space instead of T are accepted on input."))
                .addSchema("NodePatch", object(NodeProperties.patch())
                        .description("Fields to change; at least one is required. data replaces the whole data object."))
                .addSchema("NodePage", OASFactory.createSchema().type(SchemaType.OBJECT)
                        .addProperty("items", arrayOf("Node"))
                        .addProperty("total", integer("int64").description("Number of all matching nodes"))
                        .addProperty("limit", integer("int32"))
                        .addProperty("offset", integer("int32")))
                .addSchema("NodeList", arrayOf("Node").description("An array of Node objects"))
                .addSchema("Hierarchy", OASFactory.createSchema().type(SchemaType.OBJECT)
                        .description("A node and its children, recursively")
                        .addProperty("node", OASFactory.createSchema().ref("Node"))
                        .addProperty("child_nodes", arrayOf("Hierarchy")
                                .description("The children, each a hierarchy (possibly with no children)"))
                        .required(new ArrayList<>(List.of("node", "child_nodes"))));
        return model.components(components);
    }

    private static Schema object(List<Property> properties) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        properties.forEach(p -> schema.addProperty(p.name(), property(p)));
        return schema;
    }

    private static Schema property(Property p) {
        Schema schema = OASFactory.createSchema().type(SchemaType.valueOf(p.type().toUpperCase(Locale.ROOT)))
                .format(p.format()).description(p.words().description()).example(p.words().example())
                .defaultValue(p.words().defaultValue());
        if ("array".equals(p.type())) {
            schema.items(OASFactory.createSchema().type(SchemaType.STRING));
        }
        if (!p.enumeration().isEmpty()) {
            schema.enumeration(new ArrayList<>(p.enumeration()));
        }
        if (p.nullable()) {
            schema.nullable(true);
        }
        if (p.readOnly()) {
            schema.readOnly(true);
        }
        return schema;
    }

    private static Schema arrayOf(String ref) {
        return OASFactory.createSchema().type(SchemaType.ARRAY).items(OASFactory.createSchema().ref(ref));
    }

    private static Schema integer(String format) {
        return OASFactory.createSchema().type(SchemaType.INTEGER).format(format);
    }
}
