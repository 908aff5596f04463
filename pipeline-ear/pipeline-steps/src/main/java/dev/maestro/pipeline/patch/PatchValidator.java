package dev.maestro.pipeline.patch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a patch before it comes near a tree: text only, no links or submodules, and every file
 * it names stays inside the tree once {@code -p1} strips the {@code a/}/{@code b/} prefix. Lines
 * inside hunks are skipped (by counting the hunk's lines), so that patch content that looks like
 * a header is not taken for one; CRLF line ends are accepted.
 */
public final class PatchValidator {
    /** KernelCI's limit on one patch. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");
    private static final Pattern GIT_DIFF = Pattern.compile("^diff --git a/(\\S+) b/(\\S+)$");
    private static final Pattern MODE = Pattern.compile("^(?:old mode|new mode|new file mode|deleted file mode) ([0-7]+)$");
    private static final Pattern INDEX_MODE = Pattern.compile("^index [0-9a-f]+\\.\\.[0-9a-f]+ ([0-7]+)$");
    private static final Pattern RENAME_OR_COPY = Pattern.compile("^(?:rename|copy) (?:from|to) (.+)$");
    private static final String DEV_NULL = "/dev/null";

    private PatchValidator() {
    }

    /**
     * @param name the patch's name in the series, for messages
     * @throws PatchRefusedException naming the first rule the patch breaks
     */
    public static CheckedPatch validate(String name, byte[] content) throws PatchRefusedException {
        if (content.length > MAX_BYTES) {
            throw new PatchRefusedException(name, PatchRule.TOO_LARGE, content.length + " bytes");
        }
        for (byte b : content) {
            if (b == 0) {
                throw new PatchRefusedException(name, PatchRule.NUL_BYTE, null);
            }
        }
        String[] lines = new String(content, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        }
        List<String> targets = new ArrayList<>();
        int fileHeaders = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher hunk = HUNK.matcher(line);
            if (hunk.find()) {
                i = skipHunkBody(lines, i + 1, count(hunk.group(1)), count(hunk.group(2)));
                continue;
            }
            fileHeaders += checkHeaderLine(name, line, targets);
            if (line.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ ")) {
                fileHeaders++;
                filePath(name, line.substring(4), true).ifPresent(targets::add);
                filePath(name, lines[i + 1].substring(4), true).ifPresent(targets::add);
                i += 2;
                continue;
            }
            i++;
        }
        if (fileHeaders == 0) {
            throw new PatchRefusedException(name, PatchRule.NO_DIFF, null);
        }
        return new CheckedPatch(name, content, targets.stream().distinct().toList());
    }

    /**
     * Refuses the patch when one of its paths, in {@code tree} as it is now (earlier patches of
     * the series applied), passes through or ends at a symbolic link that leads out of the tree.
     */
    public static void checkTargetsIn(Path tree, CheckedPatch patch) throws PatchRefusedException {
        try {
            Path root = tree.toRealPath();
            for (String target : patch.targets()) {
                Path current = root;
                for (String segment : target.split("/")) {
                    current = current.resolve(segment);
                    if (!Files.isSymbolicLink(current)) {
                        if (!Files.exists(current)) {
                            break;
                        }
                        continue;
                    }
                    if (!linkTarget(current).startsWith(root)) {
                        throw new PatchRefusedException(patch.name(), PatchRule.ESCAPING_SYMLINK,
                                target + " (" + root.relativize(current) + " -> " + Files.readSymbolicLink(current) + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new PatchRefusedException(patch.name(), PatchRule.ESCAPING_SYMLINK, "cannot resolve its paths: " + e.getMessage());
        }
    }

    private static Path linkTarget(Path link) throws IOException {
        try {
            return link.toRealPath();
        } catch (NoSuchFileException dangling) {
            return link.getParent().toRealPath().resolve(Files.readSymbolicLink(link)).normalize();
        }
    }

    private static int count(String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }

    /** The index after the hunk body; "\ No newline at end of file" counts for neither side. */
    private static int skipHunkBody(String[] lines, int start, int oldLines, int newLines) {
        int i = start;
        int oldLeft = oldLines;
        int newLeft = newLines;
        while ((oldLeft > 0 || newLeft > 0) && i < lines.length) {
            String line = lines[i];
            if (line.startsWith("-")) {
                oldLeft--;
            } else if (line.startsWith("+")) {
                newLeft--;
            } else if (!line.startsWith("\\")) {
                oldLeft--;
                newLeft--;
            }
            i++;
        }
        return i;
    }

    /** Checks one line outside hunks; returns 1 when it starts a file's diff ({@code diff --git}). */
    private static int checkHeaderLine(String name, String line, List<String> targets) throws PatchRefusedException {
        if (line.startsWith("GIT binary patch") || line.startsWith("Binary files ")) {
            throw new PatchRefusedException(name, PatchRule.BINARY, null);
        }
        Matcher mode = MODE.matcher(line);
        Matcher indexMode = INDEX_MODE.matcher(line);
        String fileMode = mode.matches() ? mode.group(1) : indexMode.matches() ? indexMode.group(1) : null;
        if (fileMode != null && fileMode.startsWith("12")) {
            throw new PatchRefusedException(name, PatchRule.SYMLINK_MODE, line);
        }
        if (fileMode != null && fileMode.startsWith("16")) {
            throw new PatchRefusedException(name, PatchRule.SUBMODULE_MODE, line);
        }
        if (line.startsWith("diff --git ")) {
            if (line.indexOf('"') >= 0) {
                throw new PatchRefusedException(name, PatchRule.QUOTED_PATH, line);
            }
            Matcher diff = GIT_DIFF.matcher(line);
            if (!diff.matches()) {
                throw new PatchRefusedException(name, PatchRule.UNREADABLE_HEADER, line);
            }
            filePath(name, diff.group(1), false).ifPresent(targets::add);
            filePath(name, diff.group(2), false).ifPresent(targets::add);
            return 1;
        }
        Matcher renameOrCopy = RENAME_OR_COPY.matcher(line);
        if (renameOrCopy.matches()) {
            String path = renameOrCopy.group(1);
            if (path.startsWith("\"")) {
                throw new PatchRefusedException(name, PatchRule.QUOTED_PATH, line);
            }
            List<String> segments = List.of(path.split("/", -1));
            if (path.startsWith("/") || segments.contains("..") || segments.contains("")) {
                throw new PatchRefusedException(name, PatchRule.RENAME_OUT_OF_TREE, line);
            }
            requireOutsideGit(name, path, segments);
            targets.add(path);
        }
        return 0;
    }

    /**
     * The tree-relative path a header names, after stripping the first component when
     * {@code stripPrefix} ({@code ---}/{@code +++} lines, as {@code -p1}); empty for
     * {@code /dev/null}. A tab ends the name (timestamps follow it in plain diffs).
     */
    private static Optional<String> filePath(String name, String raw, boolean stripPrefix) throws PatchRefusedException {
        String path = raw.split("\t", 2)[0];
        if (path.equals(DEV_NULL)) {
            return Optional.empty();
        }
        if (path.startsWith("\"")) {
            throw new PatchRefusedException(name, PatchRule.QUOTED_PATH, path);
        }
        if (path.startsWith("/")) {
            throw new PatchRefusedException(name, PatchRule.ABSOLUTE_PATH, path);
        }
        List<String> segments = List.of(path.split("/", -1));
        if (segments.contains("..")) {
            throw new PatchRefusedException(name, PatchRule.PARENT_PATH, path);
        }
        List<String> inTree = stripPrefix ? segments.subList(Math.min(1, segments.size()), segments.size()) : segments;
        if (!inTree.isEmpty() && inTree.get(0).isEmpty()) {
            throw new PatchRefusedException(name, PatchRule.ABSOLUTE_PATH, path);
        }
        if (inTree.isEmpty() || inTree.contains("")) {
            throw new PatchRefusedException(name, PatchRule.UNREADABLE_HEADER, path);
        }
        String relative = String.join("/", inTree);
        requireOutsideGit(name, path, inTree);
        return Optional.of(relative);
    }

    private static void requireOutsideGit(String name, String path, List<String> segments) throws PatchRefusedException {
        if (segments.stream().anyMatch(".git"::equalsIgnoreCase)) {
            throw new PatchRefusedException(name, PatchRule.GIT_DIRECTORY, path);
        }
    }
}
