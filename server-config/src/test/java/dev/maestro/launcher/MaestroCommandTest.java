package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaestroCommandTest {

    private static List<String> deployments(String role) {
        LauncherSettings s = LauncherSettings.fromEnvironment(Map.of("MAESTRO_HOME", "/opt/maestro", "MAESTRO_ROLE", role));
        List<String> cmd = Maestro.command(s);
        List<String> deployed = new ArrayList<>();
        for (int i = 1; i < cmd.size(); i++) {
            if ("--deploy".equals(cmd.get(i - 1))) {
                String archive = cmd.get(i);
                deployed.add(archive.substring(archive.lastIndexOf('/', archive.indexOf(".")) + 1));
            }
        }
        return deployed;
    }

    @Test
    void allDeploysTheAdapterThenTheApiThenThePipeline() {
        assertThat(deployments("all")).containsExactly("maestro-stream-ra.rar", "api.war:/", "pipeline.war:/pipeline");
        assertThat(Maestro.command(LauncherSettings.fromEnvironment(Map.of()))).contains("-DMAESTRO_RA_NAME=maestro-stream-ra");
    }

    @Test
    void eachRoleDeploysOnlyItsSide() {
        assertThat(deployments("api")).containsExactly("api.war:/");
        assertThat(deployments("PIPELINE")).containsExactly("maestro-stream-ra.rar", "pipeline.war:/pipeline");
        assertThat(Maestro.command(LauncherSettings.fromEnvironment(Map.of("MAESTRO_ROLE", "api"))))
                .noneMatch(a -> a.startsWith("-DMAESTRO_RA_NAME"));
    }

    @Test
    void everyRoleBootsWithTheListenerSettings() {
        for (String role : List.of("all", "api", "pipeline")) {
            List<String> cmd = Maestro.command(LauncherSettings.fromEnvironment(Map.of("MAESTRO_HOME", "/opt/maestro", "MAESTRO_ROLE", role)));
            assertThat(cmd.get(cmd.indexOf("--prebootcommandfile") + 1))
                    .isEqualTo("/opt/maestro/server-config/target/maestro/http-listener.asadmin");
            // The settings name the listener's JSON-error filters, so their jar must be on Payara's class path.
            assertThat(cmd.get(cmd.indexOf("--addlibs") + 1)).isEqualTo("/opt/maestro/server-config/target/maestro/http-edge.jar");
        }
    }

    @Test
    void anUnknownRoleIsRefused() {
        assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("MAESTRO_ROLE", "worker")))
                .hasMessageContaining("MAESTRO_ROLE must be api, pipeline or all");
    }
}
