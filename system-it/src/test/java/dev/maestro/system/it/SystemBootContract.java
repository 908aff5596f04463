package dev.maestro.system.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.system.it.support.SystemBackends;
import dev.maestro.testsupport.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one boot works: Micro listens on the reserved port, the API (deployed post-boot at
 * {@code /}) logs the admin in, and the pipeline (deployed by Arquillian after the RAR) answers
 * and runs the configuration this test wrote.
 */
public interface SystemBootContract extends SystemContract {

    @Test
    default void microListensOnTheReservedPort() {
        assertThat(deployedPort()).isEqualTo(SystemBackends.httpPort());
    }

    @Test
    default void theAdminLogsInAndWhoamiAnswersWithTheToken() {
        ApiResponse login = api().postForm("/latest/user/login",
                Map.of("username", "admin", "password", System.getProperty("it.admin.password")));
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        assertThat(login.map()).containsEntry("token_type", "bearer");

        ApiResponse whoami = api().as((String) login.map().get("access_token")).get("/latest/whoami");
        assertThat(whoami.status()).as("%s", whoami).isEqualTo(200);
        assertThat(whoami.map()).containsEntry("username", "admin").containsEntry("is_superuser", true);
    }

    @Test
    default void pipelineStatsAnswerJson() {
        ApiResponse stats = pipeline().get("/stats");
        assertThat(stats.status()).as("%s", stats).isEqualTo(200);
        assertThat(stats.contentType()).startsWith("application/json");
        assertThat(stats.map()).containsKeys("lifecycle", "consumers");
    }

    @Test
    default void thePipelineRunsTheConfigurationWrittenBeforeBoot() {
        assertThat(serverLogContains("Artifact storage 'local': " + SystemBackends.itDir().resolve("system-data/storage")))
                .as("the pipeline's storage log line").isTrue();
    }

    @Test
    default void theFixtureTreeHasACommitOnMainAndNoTag() {
        assertThat(fixture().headSha()).matches("[0-9a-f]{40}");
        assertThat(fixture().tags()).isEmpty();
    }
}
