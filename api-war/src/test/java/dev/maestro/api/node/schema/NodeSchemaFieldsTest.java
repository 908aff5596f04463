package dev.maestro.api.node.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.node.NodeResult;
import dev.maestro.node.NodeState;
import dev.maestro.node.field.NodeField;
import dev.maestro.node.field.NodeField.Nulls;
import dev.maestro.node.field.NodeField.Type;
import dev.maestro.node.field.NodeField.Write;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI schemas of a node and of a patch list the fields of {@link NodeField}, in its
 * order, with its types, required and nullable fields and enum values; the schema classes only
 * add the words (descriptions, examples, defaults). A field added to the table fails here until
 * it is documented.
 */
class NodeSchemaFieldsTest {

    @Test
    void theNodeSchemaHasEveryFieldAsTheTableDeclaresIt() {
        List<Field> properties = properties(NodeSchema.class);
        assertThat(properties).extracting(Field::getName).containsExactlyElementsOf(wireNames(NodeField.all()));
        for (int i = 0; i < properties.size(); i++) {
            NodeField f = NodeField.all().get(i);
            Field property = properties.get(i);
            Schema schema = property.getAnnotation(Schema.class);
            assertThat(property.getType()).as(f.wire()).isEqualTo(javaType(f.type()));
            assertThat(schema != null && schema.required()).as(f.wire() + " required").isEqualTo(f.write() == Write.REQUIRED);
            boolean readOnly = schema != null && schema.readOnly();
            if (!readOnly) {
                assertThat(schema != null && schema.nullable()).as(f.wire() + " nullable").isEqualTo(f.nullable());
            }
            assertThat(enumeration(schema)).as(f.wire() + " values").isEqualTo(values(f.type()));
        }
    }

    @Test
    void thePatchSchemaHasThePatchableFieldsAsTheTableDeclaresThem() {
        List<Field> properties = properties(NodePatchSchema.class);
        assertThat(properties).extracting(Field::getName).containsExactlyElementsOf(wireNames(NodeField.patchable()));
        for (int i = 0; i < properties.size(); i++) {
            NodeField f = NodeField.patchable().get(i);
            Schema schema = properties.get(i).getAnnotation(Schema.class);
            assertThat(schema != null && schema.nullable()).as(f.wire() + " nullable").isEqualTo(f.nulls() != Nulls.REFUSED);
            assertThat(enumeration(schema)).as(f.wire() + " values").isEqualTo(values(f.type()));
        }
    }

    @Test
    void theBatchUpdateNamesTheKcidbFlag() throws NoSuchFieldException {
        Schema field = KcidbFlagUpdateSchema.class.getField("field").getAnnotation(Schema.class);
        assertThat(field.enumeration()).containsExactly(NodeField.PROCESSED_BY_KCIDB_BRIDGE.wire());
    }

    private static List<Field> properties(Class<?> schema) {
        return Arrays.stream(schema.getDeclaredFields()).filter(f -> Modifier.isPublic(f.getModifiers())).toList();
    }

    private static List<String> wireNames(List<NodeField> fields) {
        return fields.stream().map(NodeField::wire).toList();
    }

    private static Class<?> javaType(Type type) {
        return switch (type) {
            case OBJECT_ID, STRING, STATE, RESULT, TIMESTAMP -> String.class;
            case STRINGS, UNIQUE_STRINGS -> List.class;
            case URLS, OBJECT -> Map.class;
            case BOOLEAN -> boolean.class;
            case INTEGER -> int.class;
        };
    }

    private static List<String> enumeration(Schema schema) {
        return schema == null ? List.of() : List.of(schema.enumeration());
    }

    private static List<String> values(Type type) {
        return switch (type) {
            case STATE -> Arrays.stream(NodeState.values()).map(NodeState::value).toList();
            case RESULT -> Arrays.stream(NodeResult.values()).map(NodeResult::value).toList();
            default -> List.of();
        };
    }
}
