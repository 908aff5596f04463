package dev.maestro.pipeline.it.support;

import dev.maestro.testsupport.Backends;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pipeline suite's backing services: test-support's MongoDB-wire server and Redis. Redis
 * keeps an append-only file, as a production Redis behind a pipeline should, so that a restart
 * keeps streams, groups and pending entries.
 */
public class PipelineBackends extends Backends {

    @Override
    protected Optional<Path> redisAppendOnlyDir() {
        return Optional.of(Path.of(System.getProperty("it.dir"), "redis"));
    }
}
