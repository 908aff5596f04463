package dev.maestro.pipeline.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The submitter gets the report only when the patchset's project opted in. */
class PatchsetSubmitterTest {
    @Test
    void theSubmitterOfAnOptedInProjectIsARecipient() {
        assertThat(PatchsetSubmitter.optedIn(node(true))).contains("ann@example.org");
    }

    @Test
    void nobodyIsAddedOtherwise() {
        assertThat(PatchsetSubmitter.optedIn(node(false))).isEmpty();
        assertThat(PatchsetSubmitter.optedIn(Map.of("kind", "checkout", "data", Map.of()))).isEmpty();
        assertThat(PatchsetSubmitter.optedIn(Map.of("kind", "checkout"))).isEmpty();
    }

    private static Map<String, Object> node(boolean mail) {
        return Map.of("kind", "checkout", "name", "patchset", "data", Map.of("patchwork",
                Map.of("mail_submitter", mail, "submitter", Map.of("name", "Ann", "email", "ann@example.org"))));
    }
}
