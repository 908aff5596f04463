package dev.maestro.pipeline.config;

import java.util.Map;

/**
 * A job: what kind of node it makes and the template that runs it.
 *
 * @param params          free-form values handed to the template; {@code job_timeout} (minutes)
 *                        overrides the runtime's time limit
 * @param kcidbTestSuite  the KCIDB test suite name, empty when not given
 * @param image           the container image of the job (KernelCI's {@code image} key) for runtimes that run
 *                        containers, empty when not given
 */
public record JobConfig(String name, JobKind kind, String template, Map<String, Object> params, String kcidbTestSuite,
                        String image) {

    public JobConfig {
        params = PipelineConfig.ordered(params);
    }

    /** A job without an image, which only runtimes that run no containers can run. */
    public JobConfig(String name, JobKind kind, String template, Map<String, Object> params, String kcidbTestSuite) {
        this(name, kind, template, params, kcidbTestSuite, "");
    }
}
