package dev.maestro.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from the environment, with the documented defaults.
 *
 * @param pipelineConfig {@code MAESTRO_PIPELINE_CONFIG}, made absolute here: the server runs in the
 *                       data directory, where a path relative to the operator's directory would miss
 * @param javaOptions    {@code MAESTRO_JAVA_OPTS}, split at white space: the operator's options for the server's JVM
 */
record LauncherSettings(Path home, Path dataDir, int port, Role role, Optional<String> mongoService,
                        Optional<String> redisHost, String adminName, Optional<String> adminPassword,
                        Optional<Path> pipelineConfig, Optional<String> storageToken, List<String> javaOptions) {

    static LauncherSettings fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("MAESTRO_HOME", ".")).toAbsolutePath().normalize();
        Path data = Path.of(env.getOrDefault("MAESTRO_DATA_DIR", "data")).toAbsolutePath().normalize();
        return new LauncherSettings(home, data, port(env.getOrDefault("MAESTRO_PORT", "8001")),
                Role.parse(env.getOrDefault("MAESTRO_ROLE", "all")),
                nonBlank(env.get("MONGO_SERVICE")), nonBlank(env.get("REDIS_HOST")),
                nonBlank(env.get("KCI_INITIAL_ADMIN_USERNAME")).orElse("admin"),
                nonBlank(env.get("KCI_INITIAL_PASSWORD")),
                nonBlank(env.get("MAESTRO_PIPELINE_CONFIG")).map(p -> Path.of(p).toAbsolutePath().normalize()),
                nonBlank(env.get("MAESTRO_STORAGE_TOKEN")),
                nonBlank(env.get("MAESTRO_JAVA_OPTS")).map(o -> Arrays.asList(o.trim().split("\\s+"))).orElse(List.of()));
    }

    private static int port(String text) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("MAESTRO_PORT must be a TCP port number, got '" + text + "'");
    }

    private static Optional<String> nonBlank(String s) {
        return Optional.ofNullable(s).filter(v -> !v.isBlank());
    }
}
