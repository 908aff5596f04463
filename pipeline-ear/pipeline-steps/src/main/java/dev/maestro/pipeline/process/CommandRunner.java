package dev.maestro.pipeline.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to completion with a wall-clock limit. Both output streams go to temporary
 * files rather than pipes, so a chatty command can never block on a full pipe and no reader
 * threads are needed.
 */
public final class CommandRunner {
    private static final Duration KILL_GRACE = Duration.ofSeconds(2);

    private final Map<String, String> environment;

    /** {@code environment} is added to (and overrides) the server's own environment. */
    public CommandRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * Runs {@code command} in {@code directory}; a non-zero exit is returned, not thrown.
     *
     * @throws CommandException when the command cannot start or exceeds {@code limit}
     */
    public CommandResult run(Path directory, List<String> command, Duration limit) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("maestro-cmd", ".out");
            err = Files.createTempFile("maestro-cmd", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = ProcessGroup.start(builder);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessGroup.kill(process, KILL_GRACE);
                throw new CommandException("'" + String.join(" ", command) + "' did not finish within "
                        + limit.toSeconds() + " s and was killed; stderr so far: " + tail(err));
            }
            return new CommandResult(List.copyOf(command), process.exitValue(), text(out), text(err));
        } catch (IOException e) {
            throw new CommandException("Cannot run '" + String.join(" ", command) + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("Interrupted while running '" + String.join(" ", command) + "'", e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    /** Decodes leniently: git prints commit messages and paths in whatever encoding they were made. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        String text = text(file).strip();
        return text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000);
    }

    private static void delete(Path file) {
        if (file != null) {
            // Best effort: a leftover file in the temporary directory harms nobody.
            file.toFile().delete();
        }
    }
}
