package dev.maestro.pipeline.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same {@code api.war} and {@code pipeline.ear} as on Payara, on WildFly configured by
 * server-config's {@code maestro.cli} and given the environment the README's "Deploying on
 * WildFly" names: the API accepts its own tokens and refuses forged ones, a node event reaches the monitor
 * bean through the resource adapter inside the EAR, and the lifecycle timer closes a node whose
 * timeout has passed.
 */
class WildFlySmokeIT {
    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(300);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "wildfly-smoke-secret";
    private static final String INSTANCE = "wildfly-smoke";

    private static WildFlyServer server;
    private static ApiClient api;
    private static String adminToken;

    @BeforeAll
    static void startServer() throws IOException {
        Instant began = Instant.now();
        server = new WildFlyServer(Path.of(System.getProperty("smoke.wildfly.home")));
        server.configure(Path.of(System.getProperty("smoke.cli")));
        Path artifacts = Path.of(System.getProperty("smoke.artifacts"));
        server.deployOnStart(artifacts.resolve("api.war"), artifacts.resolve("pipeline.ear"));
        server.start(Map.of(
                "MONGO_SERVICE", SuiteBackends.mongoUri(),
                "REDIS_HOST", "127.0.0.1:" + SuiteBackends.redisPort(),
                "MAESTRO_DATA_DIR", System.getProperty("smoke.data.dir"),
                "KCI_INITIAL_PASSWORD", PASSWORD,
                "MAESTRO_INSTANCE_ID", INSTANCE,
                "MAESTRO_LIFECYCLE_PERIOD", "1s"));
        server.awaitDeployed(DEPLOY_WAIT, "api.war", "pipeline.ear");
        System.out.printf("WILDFLY SMOKE: configured, started and deployed in %d s%n", Duration.between(began, Instant.now()).toSeconds());
        api = new ApiClient("http://127.0.0.1:" + server.httpPort(), null);
        adminToken = api.login("admin", PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theApiAcceptsItsTokensAndRefusesOthers() {
        ApiResponse me = api.as(adminToken).get("/latest/whoami");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.map()).containsEntry("username", "admin").containsEntry("is_superuser", true);

        ApiResponse forged = api.as(adminToken.substring(0, adminToken.length() - 4) + "AAAA").get("/latest/whoami");
        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        assertThat(forged.detail()).isNotNull();
    }

    /** The node schemas are made by the API's model reader, against WildFly's MicroProfile OpenAPI 4.0 model here. */
    @Test
    void theOpenApiDocumentHasTheNodeSchemasTheOperationsReferTo() {
        ApiResponse document = api.anonymous().get("/openapi?format=JSON");
        assertThat(document.status()).as(document.toString()).isEqualTo(200);
        assertThat(document.map("components", "schemas")).containsKeys("Node", "NodePatch", "NodePage", "NodeList", "Hierarchy");
        Map<String, Object> state = document.map("components", "schemas", "Node", "properties", "state");
        assertThat(state.get("type")).as("%s", state).isIn("string", List.of("string"));
        Map<String, Object> parent = document.map("components", "schemas", "Node", "properties", "parent");
        assertThat(parent.get("type")).as("a nullable field, OpenAPI 3.1's way: %s", parent).isEqualTo(List.of("string", "null"));
    }

    @Test
    void aNodeEventReachesTheMonitorBeanThroughTheResourceAdapter() {
        String id = createNode("checkout-wildfly", null);
        assertThat(api.as(adminToken).get("/latest/node/" + id).map()).containsEntry("name", "checkout-wildfly");

        Poll.until("the monitor bean's log line for node " + id, WAIT, () -> serverLogContains(" created checkout " + id));
        Map<String, Object> monitor = Poll.until("the monitor's acknowledgement", WAIT, WildFlySmokeIT::monitor,
                m -> ((Number) m.getOrDefault("acknowledged", 0)).longValue() >= 1);
        assertThat(monitor).containsEntry("consumer", INSTANCE).containsEntry("failures", 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLifecycleTimerMovesANodePastItsTimeoutToDone() {
        String id = createNode("late-wildfly", "2020-01-01T00:00:00");

        Map<String, Object> node = Poll.until("node " + id + " done", WAIT, () -> api.as(adminToken).get("/latest/node/" + id).map(),
                n -> "done".equals(n.get("state")));
        assertThat(node).containsEntry("result", "incomplete");
        assertThat((Map<String, Object>) node.get("data")).containsEntry("error_code", "node_timeout");
        // The timer counts the transition once its write has returned: the node may be seen done first.
        Poll.until("the timeout transition counted", WAIT,
                () -> ((Number) ((Map<String, Object>) ((Map<String, Object>) stats().get("lifecycle")).get("transitions"))
                        .get("timeout")).longValue(), count -> count >= 1);
    }

    private static String createNode(String name, String timeout) {
        Map<String, Object> node = new HashMap<>(Map.of("kind", "checkout", "name", name, "path", List.of(name), "data", Map.of()));
        if (timeout != null) {
            node.put("timeout", timeout);
        }
        ApiResponse created = api.as(adminToken).post("/latest/node", node);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return (String) created.map().get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> monitor() {
        return ((List<Map<String, Object>>) stats().get("consumers")).stream()
                .filter(c -> "monitor".equals(c.get("group"))).findFirst().orElse(Map.of());
    }

    private static Map<String, Object> stats() {
        ApiResponse r = api.anonymous().get("/pipeline/stats");
        if (r.status() != 200) {
            throw new IllegalStateException("/pipeline/stats answered " + r);
        }
        return r.map();
    }

    private static boolean serverLogContains(String text) {
        try {
            return Files.readString(server.serverLog()).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
