package dev.maestro.pipeline.config;

import java.util.List;
import java.util.Map;

/**
 * Where a job runs. The pseudo-platforms named after runtime types ({@code shell}) may be empty.
 *
 * @param params merged into the template values, below the job's own params
 */
public record PlatformConfig(String name, String arch, String bootMethod, String mach, String baseName,
                             List<String> compatible, Map<String, Object> params) {

    public PlatformConfig {
        compatible = List.copyOf(compatible);
        params = PipelineConfig.ordered(params);
    }
}
