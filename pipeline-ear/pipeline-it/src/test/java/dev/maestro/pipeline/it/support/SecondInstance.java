package dev.maestro.pipeline.it.support;

import dev.maestro.testsupport.Backends;
import dev.maestro.files.Directories;
import dev.maestro.testsupport.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A second pipeline instance: a Payara Micro process of its own, started from the test with the
 * same RAR (through the same post-boot file), the given WAR and the same backends, so that a test
 * can kill it with SIGKILL ({@code kill -9}) while it holds entries.
 */
public final class SecondInstance implements AutoCloseable {
    private final Process process;
    private final PipelineClient client;

    private SecondInstance(Process process, PipelineClient client) {
        this.process = process;
        this.client = client;
    }

    /** Starts the instance with extra system properties; returns once its pipeline answers. */
    public static SecondInstance start(Path war, String instanceId, List<String> systemProperties, Duration timeout) {
        Path dir = Path.of(System.getProperty("it.dir"));
        int port = Integer.parseInt(System.getProperty("it.second.port"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-DMAESTRO_RA_NAME=maestro-stream-ra", "-DMAESTRO_INSTANCE_ID=" + instanceId,
                "-DMONGO_SERVICE=" + Backends.mongoUri(), "-DREDIS_HOST=127.0.0.1:" + Backends.redisPort()));
        cmd.addAll(systemProperties);
        cmd.addAll(List.of("-jar", dir.resolve("payara-micro.jar").toString(), "--nocluster", "--port", Integer.toString(port),
                "--rootdir", dir.resolve(instanceId + "-root").toString(),
                "--postbootcommandfile", dir.resolve("payara/postboot.asadmin").toString(),
                "--deploy", war + ":/pipeline"));
        // Micro redeploys what a root directory holds, so each start gets an empty one.
        Directories.deleteTree(dir.resolve(instanceId + "-root"));
        Process process;
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(instanceId + "-micro.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a second Payara Micro", e);
        }
        SecondInstance instance = new SecondInstance(process, new PipelineClient("http://127.0.0.1:" + port + "/pipeline/"));
        try {
            Poll.until("the second instance to serve /pipeline/stats", timeout, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the second instance exited with " + process.exitValue());
                }
                return instance.client.stats() != null;
            });
        } catch (AssertionError | RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    public PipelineClient client() {
        return client;
    }

    /** SIGKILL: no shutdown hook, no clean disconnect, nothing acknowledged. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
