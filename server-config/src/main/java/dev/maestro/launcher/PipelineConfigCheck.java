package dev.maestro.launcher;

import dev.maestro.pipeline.config.ConfigLoader;
import dev.maestro.pipeline.config.PipelineConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the pipeline configuration before anything starts, with the rules and the environment
 * the server will use, so that a bad file is reported in a second with its file:line:key
 * messages instead of as a failed deployment deep in the server log.
 */
final class PipelineConfigCheck {
    private PipelineConfigCheck() {
    }

    /**
     * @param serverEnvironment what the launcher adds to its own environment for the server
     * @throws dev.maestro.pipeline.config.ConfigException with every problem and its place
     */
    static PipelineConfig load(Path file, Map<String, String> serverEnvironment) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(serverEnvironment);
        return new ConfigLoader(environment).load(file);
    }
}
