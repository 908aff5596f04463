package dev.maestro.pipeline.git;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the strings that reach git's command line from configuration or from nodes (remote
 * URLs, branch names, commit ids), so that none of them can be read as an option or a
 * command-running transport.
 */
public final class GitNames {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/+-]+");

    private GitNames() {
    }

    /** The problem with {@code url} as a remote, if any. */
    public static Optional<String> remoteProblem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is empty");
        }
        if (url.startsWith("-")) {
            return Optional.of("must not start with '-'");
        }
        if (url.contains("::")) {
            return Optional.of("must not name a transport helper ('::')");
        }
        if (url.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }

    /** The problem with {@code branch} as a branch name, if any (a subset of git's own rules). */
    public static Optional<String> branchProblem(String branch) {
        if (branch == null || !BRANCH.matcher(branch).matches()) {
            return Optional.of("must be made of letters, digits and . _ / + -");
        }
        if (branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".")
                || branch.contains("..") || branch.contains("//") || branch.endsWith(".lock")) {
            return Optional.of("is not a valid git branch name");
        }
        return Optional.empty();
    }

    public static String requireRemote(String url) {
        remoteProblem(url).ifPresent(p -> {
            throw new GitException("Remote URL '" + url + "' " + p);
        });
        return url;
    }

    public static String requireBranch(String branch) {
        branchProblem(branch).ifPresent(p -> {
            throw new GitException("Branch '" + branch + "' " + p);
        });
        return branch;
    }

    /** A commit id of 7 to 64 hexadecimal digits, in lower case. */
    public static String requireCommit(String commit) {
        if (commit == null || !COMMIT.matcher(commit).matches()) {
            throw new GitException("'" + commit + "' is not a commit id (7 to 64 hexadecimal digits)");
        }
        return commit.toLowerCase(Locale.ROOT);
    }
}
