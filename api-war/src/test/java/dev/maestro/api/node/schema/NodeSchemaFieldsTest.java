package dev.maestro.api.node.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.api.node.schema.NodeProperties.Property;
import dev.maestro.node.field.NodeField;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI schemas of a node and of a patch list the fields of {@link NodeField}, in its
 * order, typed as the API reads and writes them, with the required and nullable ones and the
 * values of states and results; a field added to the table is in them as it is added.
 */
class NodeSchemaFieldsTest {

    @Test
    void theNodeSchemaHasEveryFieldInTheTablesOrder() {
        assertThat(NodeProperties.node()).extracting(Property::name)
                .containsExactlyElementsOf(NodeField.all().stream().map(NodeField::wire).toList());
        assertThat(NodeProperties.required()).containsExactly("name", "path");
    }

    @Test
    void fieldsAreTypedAsTheirJson() {
        assertThat(node("id")).extracting(Property::type, Property::readOnly, Property::nullable).containsExactly("string", true, false);
        assertThat(node("path")).extracting(Property::type, Property::nullable).containsExactly("array", false);
        assertThat(node("user_groups").type()).isEqualTo("array");
        assertThat(node("artifacts")).extracting(Property::type, Property::nullable).containsExactly("object", true);
        assertThat(node("created")).extracting(Property::type, Property::format, Property::nullable).containsExactly("string", null, false);
        assertThat(node("processed_by_kcidb_bridge")).extracting(Property::type, p -> p.words().defaultValue())
                .containsExactly("boolean", false);
        assertThat(node("retry_counter")).extracting(Property::type, Property::format).containsExactly("integer", "int32");
        assertThat(node("state").enumeration()).containsExactly("running", "available", "closing", "done");
        assertThat(node("result")).extracting(Property::enumeration, Property::nullable)
                .containsExactly(List.of("pass", "fail", "skip", "incomplete"), true);
        assertThat(node("name").enumeration()).isEmpty();
    }

    @Test
    void thePatchSchemaHasThePatchableFieldsNullableWhereANullIsAccepted() {
        assertThat(NodeProperties.patch()).extracting(Property::name)
                .containsExactlyElementsOf(NodeField.patchable().stream().map(NodeField::wire).toList());
        assertThat(patch("state")).extracting(Property::nullable, Property::enumeration)
                .containsExactly(true, List.of("running", "available", "closing", "done"));
        assertThat(patch("data").nullable()).isTrue();
        assertThat(patch("processed_by_kcidb_bridge").nullable()).isFalse();
        assertThat(patch("data").words().description()).isEqualTo("Replaces the whole data object");
    }

    @Test
    void theBatchUpdateNamesTheKcidbFlag() throws NoSuchFieldException {
        Schema field = KcidbFlagUpdateSchema.class.getField("field").getAnnotation(Schema.class);
        assertThat(field.enumeration()).containsExactly(NodeField.PROCESSED_BY_KCIDB_BRIDGE.wire());
    }

    private static Property node(String name) {
        return NodeProperties.node().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Property patch(String name) {
        return NodeProperties.patch().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
