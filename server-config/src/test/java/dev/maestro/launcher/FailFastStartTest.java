package dev.maestro.launcher;

import static dev.maestro.launcher.ConsoleCapture.capture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./maestro start} refuses within seconds, with the cause in one paragraph, when the
 * deployment could not work: MongoDB unreachable, the port taken, the data directory in use.
 * Nothing of the server is started then.
 */
class FailFastStartTest {
    @TempDir
    Path dir;

    private LauncherSettings settings(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("MAESTRO_DATA_DIR", dir.resolve("data").toString(),
                "MAESTRO_PORT", Integer.toString(EmbeddedBackends.freePort())));
        env.putAll(extra);
        return LauncherSettings.fromEnvironment(env);
    }

    @Test
    void anUnreachableMongoDbRefusesTheStartWithinSeconds() {
        Instant began = Instant.now();
        ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of("MONGO_SERVICE", "mongodb://127.0.0.1:1"))));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("maestro: not starting: MongoDB at 127.0.0.1:1/kernelci (MONGO_SERVICE) cannot be reached");
        assertThat(Duration.between(began, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(dir.resolve("data").resolve("payara")).doesNotExist();
        assertThat(dir.resolve("data").resolve(DataDirectoryLock.FILE)).doesNotExist();
    }

    @Test
    void aPortInUseRefusesTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of("MAESTRO_PORT", Integer.toString(taken.getLocalPort())))));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("Port " + taken.getLocalPort() + " is already in use");
        }
    }

    @Test
    void aDataDirectoryInUseNamesTheProcessUsingIt() throws Exception {
        try (DataDirectoryLock held = DataDirectoryLock.acquire(dir.resolve("data"))) {
            ConsoleCapture.Captured run = capture(() -> Maestro.start(settings(Map.of())));
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("Another Maestro EE is using this data directory (" + dir.resolve("data")
                    + ", pid " + ProcessHandle.current().pid() + ")");
        }
    }
}
