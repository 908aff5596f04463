package dev.maestro.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker Engine for the Docker runtime's tests (Debian's {@code docker.io}, which
 * {@code .ci/run} installs): {@link #ensureRunning()} starts {@code dockerd} in the background
 * when none answers on the default socket, and {@link #jobImage()} makes the image jobs run in.
 * A daemon started here is left running for the next test class and module: starting one costs
 * seconds, and it holds nothing of a test's state.
 */
public final class DockerDaemon {
    /** The image the tests' jobs name; {@code job-image.sh} makes it. */
    public static final String JOB_IMAGE = "maestro-test-job:busybox-curl";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private DockerDaemon() {
    }

    /** Starts {@code dockerd} unless a daemon already answers; waits until one does. */
    public static synchronized void ensureRunning() {
        if (answers()) {
            return;
        }
        try {
            Path log = Files.createTempFile("dockerd-", ".log");
            new ProcessBuilder("dockerd").redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Poll.until("dockerd answers (its log: " + log + ")", START_TIMEOUT, DockerDaemon::answers);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start dockerd: is Debian's docker.io installed (.ci/run installs it)?", e);
        }
    }

    /** Starts the daemon if needed, makes the jobs' image if it is missing, and returns its tag. */
    public static synchronized String jobImage() {
        ensureRunning();
        try (InputStream script = DockerDaemon.class.getResourceAsStream("job-image.sh")) {
            Path file = Files.createTempFile("job-image-", ".sh");
            Files.write(file, script.readAllBytes());
            int status = run(Duration.ofMinutes(5), "sh", file.toString(), JOB_IMAGE);
            Files.delete(file);
            if (status != 0) {
                throw new IllegalStateException("job-image.sh failed with status " + status);
            }
            return JOB_IMAGE;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the image " + JOB_IMAGE, e);
        }
    }

    /** Runs the {@code docker} client ({@code docker ps -aq …}) and returns what it printed; a failure is an exception. */
    public static String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    private static boolean answers() {
        return run(Duration.ofSeconds(10), "docker", "version") == 0;
    }

    private static int run(Duration limit, String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
