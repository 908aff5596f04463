package dev.maestro.api.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.node.query.NodeQuery;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search form means what the same conditions mean on /latest/nodes. */
class SearchFormTest {

    @Test
    void fieldsBecomeTheApiQueryParameters() {
        Map<String, String> form = SearchForm.values(Map.of("tree", "toy", "branch", "main", "commit", "ABC123",
                "kind", "checkout", "platform", "qemu", "from", "2026-12-01", "to", "2026-12-02",
                "q", "data.arch=x86_64&name__re=%5Ebaseline&limit=3"));
        assertThat(SearchForm.query(form)).containsExactly(
                Map.entry("data.kernel_revision.tree", "toy"),
                Map.entry("data.kernel_revision.branch", "main"),
                Map.entry("data.kernel_revision.commit__re", "^abc123"),
                Map.entry("kind", "checkout"),
                Map.entry("data.platform", "qemu"),
                Map.entry("created__gte", "2026-12-01T00:00:00"),
                Map.entry("created__lt", "2026-12-03T00:00:00"),
                Map.entry("data.arch", "x86_64"),
                Map.entry("name__re", "^baseline"));
        // The parameters are the API's language: they parse as a node query.
        assertThat(NodeQuery.paged(SearchForm.query(form)).filter()).isNotNull();
    }

    @Test
    void anEmptyFormSearchesNothingYet() {
        assertThat(SearchForm.filled(SearchForm.values(Map.of("offset", "50")))).isFalse();
        assertThat(SearchForm.filled(SearchForm.values(Map.of("name", " x ")))).isTrue();
    }

    @Test
    void malformedFieldsAre400s() {
        assertThatThrownBy(() -> SearchForm.query(SearchForm.values(Map.of("commit", "xyz"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> SearchForm.query(SearchForm.values(Map.of("from", "yesterday"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> SearchForm.query(SearchForm.values(Map.of("q", "justaword"))))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("field=value");
    }
}
