package dev.maestro.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsAreFiftyFromTheStartAndOtherParametersAreFilters() {
        PageRequest page = PageRequest.from(Map.of("username", "alice"));
        assertThat(page.limit()).isEqualTo(50);
        assertThat(page.offset()).isZero();
        assertThat(page.filters()).containsOnly(Map.entry("username", "alice"));
    }

    @Test
    void limitAndOffsetAreReadAndRemovedFromTheFilters() {
        PageRequest page = PageRequest.from(Map.of("limit", "1000000", "offset", "3", "name", "x"));
        assertThat(page.limit()).isEqualTo(1_000_000);
        assertThat(page.offset()).isEqualTo(3);
        assertThat(page.filters()).containsOnlyKeys("name");
    }

    @Test
    void outOfRangeOrNonIntegerValuesAre422() {
        for (Map<String, String> bad : java.util.List.of(Map.of("limit", "0"), Map.of("offset", "-1"),
                Map.of("limit", "ten"), Map.of("offset", "1.5"))) {
            assertThatThrownBy(() -> PageRequest.from(bad)).as(bad.toString())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.status()).isEqualTo(422));
        }
    }

    @Test
    void exactMatchTurnsBooleansAndIdsIntoTheirTypes() {
        ObjectId id = new ObjectId();
        Document filter = ExactMatch.filter(Map.of("is_superuser", "True", "id", id.toHexString(), "name", "x"));
        assertThat(filter).containsEntry("is_superuser", true).containsEntry("_id", id).containsEntry("name", "x");
    }

    @Test
    void exactMatchRefusesOperatorsAndEmptyPaths() {
        for (String field : new String[] {"$where", "a.$b", "", "a..b", ".a", "a."}) {
            assertThatThrownBy(() -> ExactMatch.filter(Map.of(field, "1"))).as(field).isInstanceOf(BadRequestException.class);
        }
        assertThat(ExactMatch.filter(Map.of("groups.name", "x"))).containsEntry("groups.name", "x");
    }
}
