package dev.maestro.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyFieldsTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOf(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            assertThat(e.status()).isEqualTo(422);
            return (List<Map<String, Object>>) e.detail();
        }
        throw new AssertionError("no 422");
    }

    @Test
    void everyProblemIsListedInOne422() {
        List<Map<String, Object>> errors = errorsOf(() -> {
            BodyFields f = new BodyFields(Map.of("username", 7, "email", "no-at-sign"));
            f.requiredString("password");
            f.requiredName("username");
            f.requiredEmail("email");
            f.validate();
        });
        assertThat(errors).extracting(e -> e.get("loc")).containsExactly(
                List.of("body", "password"), List.of("body", "username"), List.of("body", "email"));
        assertThat(errors).extracting(e -> e.get("type")).containsExactly("missing", "string_type", "value_error");
        assertThat(errors.get(0)).containsEntry("msg", "Field required");
    }

    @Test
    void nullIsAbsent() {
        Map<String, Object> body = new HashMap<>();
        body.put("username", null);
        BodyFields f = new BodyFields(body);
        assertThat(f.optionalString("username")).isEmpty();
        f.validate();
        assertThat(errorsOf(() -> {
            BodyFields g = new BodyFields(body);
            g.requiredString("username");
            g.validate();
        })).hasSize(1);
    }

    @Test
    void emailsNeedOneAtSignAndADottedDomain() {
        assertThat(BodyFields.isEmail("alice@example.org")).isTrue();
        assertThat(BodyFields.isEmail("a.b+tag@mail.example.org")).isTrue();
        for (String bad : new String[] {"alice", "alice@", "@example.org", "alice@example", "a b@example.org",
                "a@b@example.org", "alice@example..org", "alice@.org", "x".repeat(250) + "@example.org"}) {
            assertThat(BodyFields.isEmail(bad)).as(bad).isFalse();
        }
    }

    @Test
    void blankNamesAreRefused() {
        List<Map<String, Object>> errors = errorsOf(() -> {
            BodyFields f = new BodyFields(Map.of("name", "  "));
            f.requiredName("name");
            f.validate();
        });
        assertThat(errors.get(0)).containsEntry("type", "string_too_short");
    }

    @Test
    void booleansAreReadLikePydanticLaxMode() {
        BodyFields f = new BodyFields(Map.of("a", true, "b", 0, "c", 1, "d", "Yes", "e", "off"));
        assertThat(f.optionalBoolean("a")).contains(true);
        assertThat(f.optionalBoolean("b")).contains(false);
        assertThat(f.optionalBoolean("c")).contains(true);
        assertThat(f.optionalBoolean("d")).contains(true);
        assertThat(f.optionalBoolean("e")).contains(false);
        f.validate();
        for (Object bad : new Object[] {2, 0.5, "maybe", List.of()}) {
            assertThat(errorsOf(() -> {
                BodyFields g = new BodyFields(Map.of("x", bad));
                g.optionalBoolean("x");
                g.validate();
            })).as(String.valueOf(bad)).extracting(e -> e.get("type")).containsExactly("bool_parsing");
        }
    }

    @Test
    void stringListsMustHoldDistinctStrings() {
        assertThat(new BodyFields(Map.of("groups", List.of("a", "b"))).optionalUniqueStrings("groups")).contains(List.of("a", "b"));
        assertThat(errorsOf(() -> {
            BodyFields f = new BodyFields(Map.of("groups", List.of("a", "a")));
            f.optionalUniqueStrings("groups");
            f.validate();
        }).get(0)).containsEntry("msg", "Value error, Groups must have unique names.");
        assertThat(errorsOf(() -> {
            BodyFields f = new BodyFields(Map.of("groups", List.of("a", 3)));
            f.optionalUniqueStrings("groups");
            f.validate();
        }).get(0)).containsEntry("loc", List.of("body", "groups", 1));
        assertThatThrownBy(() -> {
            BodyFields f = new BodyFields(Map.of("groups", "a"));
            f.optionalUniqueStrings("groups");
            f.validate();
        }).isInstanceOf(ValidationException.class);
    }
}
