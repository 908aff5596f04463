package dev.maestro.pipeline.git;

import dev.maestro.pipeline.process.CommandException;
import dev.maestro.pipeline.process.CommandResult;
import dev.maestro.pipeline.process.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The git command-line tool, run with time limits: {@code network} for commands that talk to a
 * remote, {@code local} for the rest. Git never prompts (a remote that wants credentials fails
 * instead of hanging) and speaks English, so its messages can be passed on to operators.
 */
public final class Git {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "GIT_TERMINAL_PROMPT", "0",
            "GIT_ASKPASS", "true",
            "SSH_ASKPASS", "true",
            "LC_ALL", "C");

    private final CommandRunner runner = new CommandRunner(ENVIRONMENT);
    private final Duration network;
    private final Duration local;

    public Git(Duration network, Duration local) {
        this.network = network;
        this.local = local;
    }

    /** Ten minutes for a fetch or a clone, two for anything local. */
    public static Git withDefaultLimits() {
        return new Git(Duration.ofMinutes(10), Duration.ofMinutes(2));
    }

    /**
     * The commit at the head of {@code branch} on the remote {@code url} (a URL or a local path),
     * or empty when the remote has no such branch.
     */
    public Optional<String> remoteHead(String url, String branch) {
        String ref = "refs/heads/" + GitNames.requireBranch(branch);
        String out = network(Path.of(System.getProperty("java.io.tmpdir")), "ls-remote", "--", GitNames.requireRemote(url), ref);
        // ls-remote matches patterns on their tail, so refs/heads/x/main would also match "main".
        return out.lines()
                .map(line -> line.split("\t", 2))
                .filter(fields -> fields.length == 2 && fields[1].equals(ref))
                .map(fields -> fields[0])
                .findFirst();
    }

    String network(Path directory, String... args) {
        return checked(directory, network, args);
    }

    String local(Path directory, String... args) {
        return checked(directory, local, args);
    }

    /** Runs a local command whose exit status is an answer (0 yes, anything else no). */
    boolean test(Path directory, String... args) {
        return run(directory, local, args).succeeded();
    }

    private String checked(Path directory, Duration limit, String... args) {
        CommandResult result = run(directory, limit, args);
        if (!result.succeeded()) {
            throw new GitException("'" + String.join(" ", result.command()) + "' failed (exit "
                    + result.exitCode() + "): " + result.stderr().strip());
        }
        return result.stdout();
    }

    /** Runs a local command and returns its outcome, failed or not. */
    CommandResult runLocal(Path directory, String... args) {
        return run(directory, local, args);
    }

    private CommandResult run(Path directory, Duration limit, String... args) {
        List<String> command = new ArrayList<>(args.length + 1);
        command.add("git");
        command.addAll(List.of(args));
        try {
            return runner.run(directory, command, limit);
        } catch (CommandException e) {
            throw new GitException(e.getMessage(), e);
        }
    }
}
