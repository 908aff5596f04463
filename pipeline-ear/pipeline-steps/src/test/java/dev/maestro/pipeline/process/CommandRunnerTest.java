package dev.maestro.pipeline.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void capturesBothStreamsAndTheExitStatusWithTheGivenEnvironment() {
        CommandResult result = new CommandRunner(Map.of("GREETING", "hello"))
                .run(tmp, List.of("sh", "-c", "echo $GREETING; echo oops >&2; exit 4"), Duration.ofSeconds(30));
        assertThat(result.stdout()).isEqualTo("hello\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void aCommandOverItsLimitIsKilledWithItsChildren() throws Exception {
        String script = "sleep 300 & echo $! > child.pid; echo waiting >&2; wait";
        assertThatThrownBy(() -> new CommandRunner(Map.of()).run(tmp, List.of("sh", "-c", script), Duration.ofSeconds(2)))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("did not finish within 2 s and was killed")
                .hasMessageContaining("waiting");
        long child = Long.parseLong(Files.readString(tmp.resolve("child.pid")).strip());
        Optional<ProcessHandle> handle = ProcessHandle.of(child);
        if (handle.isPresent()) {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    }

    @Test
    void aMissingProgramExitsWith127AndSaysWhichOne() {
        CommandResult result = new CommandRunner(Map.of()).run(tmp, List.of("no-such-program-here"), Duration.ofSeconds(5));
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderr()).contains("no-such-program-here");
    }

    @Test
    void aCommandThatCannotStartIsReportedByName() {
        assertThatThrownBy(() -> new CommandRunner(Map.of()).run(tmp.resolve("no-such-directory"), List.of("true"),
                Duration.ofSeconds(5)))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("Cannot run 'true'");
    }
}
