package dev.maestro.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.api.node.NodeResource;
import org.junit.jupiter.api.Test;

class RouteTemplateTest {

    @Test
    void joinsClassAndMethodPathsIntoOneTemplate() {
        assertThat(RouteTemplate.join("/", "node/{node_id}")).isEqualTo("/node/{node_id}");
        assertThat(RouteTemplate.join("kv/{ns}/{key}", "")).isEqualTo("/kv/{ns}/{key}");
        assertThat(RouteTemplate.join("/", "")).isEqualTo("/");
        assertThat(RouteTemplate.join("user/", "/me/")).isEqualTo("/user/me");
    }

    @Test
    void unmatchedRequestsShareOneSeries() {
        assertThat(RouteTemplate.of(null)).isEqualTo(RouteTemplate.UNMATCHED);
    }

    @Test
    void aResourceMethodGivesTheTemplateOfItsClassAndMethodPaths() throws NoSuchMethodException {
        assertThat(RouteTemplate.declaredBy(NodeResource.class.getMethod("get", String.class))).isEqualTo("/node/{id}");
    }
}
