package dev.maestro.pipeline.process;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts processes as leaders of their own session (through {@code setsid}), so that a time limit
 * can kill everything they spawned, including children that were re-parented after their parent
 * died. Where {@code setsid} is missing, the tree is walked instead, which misses orphans.
 */
public final class ProcessGroup {
    private static final Logger LOG = Logger.getLogger(ProcessGroup.class.getName());
    private static final String SETSID = findOnPath("setsid");

    private ProcessGroup() {
    }

    /** Starts {@code builder}'s command in a new session; its pid is then also its process group id. */
    public static Process start(ProcessBuilder builder) throws IOException {
        if (SETSID == null) {
            return builder.start();
        }
        List<String> original = builder.command();
        List<String> wrapped = new ArrayList<>(original.size() + 1);
        wrapped.add(SETSID);
        wrapped.addAll(original);
        try {
            return builder.command(wrapped).start();
        } finally {
            builder.command(original);
        }
    }

    /**
     * Asks the whole tree to stop (SIGTERM), gives it {@code grace} to do so, then kills what is
     * left (SIGKILL) and waits for the leader to be gone.
     */
    public static void kill(Process process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        signalGroup(process, "TERM");
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        waitFor(process, grace);
        signalGroup(process, "KILL");
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        waitFor(process, grace);
    }

    private static void signalGroup(Process leader, String signal) {
        // Only a process started by start() with setsid leads its own group; never signal ours.
        if (SETSID == null || leader.pid() == ProcessHandle.current().pid()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + leader.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            waitFor(kill, Duration.ofSeconds(10));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot signal process group " + leader.pid() + ": " + e.getMessage());
        }
    }

    private static void waitFor(Process process, Duration limit) {
        try {
            process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
