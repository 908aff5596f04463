package dev.maestro.pipeline.process;

import java.util.List;

/** What a finished command left behind: its exit status and both output streams as text. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
