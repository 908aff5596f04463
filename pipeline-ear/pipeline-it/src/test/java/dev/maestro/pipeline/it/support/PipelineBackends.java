package dev.maestro.pipeline.it.support;

import dev.maestro.testsupport.SuiteBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pipeline suite's backing services: test-support's MongoDB-wire server and Redis. Redis
 * keeps an append-only file, as a production Redis behind a pipeline should, so that a restart
 * keeps streams, groups and pending entries.
 */
public class PipelineBackends extends SuiteBackends {

    /**
     * Emptied first: the suite's MongoDB starts empty, and a Redis remembering an earlier run's
     * consumer groups without their checkpoints is not a state these tests are about.
     */
    @Override
    protected Optional<Path> redisAppendOnlyDir() {
        Path dir = Path.of(System.getProperty("it.dir"), "redis");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(dir)).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty " + dir, e);
            }
        }
        return Optional.of(dir);
    }
}
