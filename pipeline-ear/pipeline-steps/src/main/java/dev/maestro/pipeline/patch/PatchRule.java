package dev.maestro.pipeline.patch;

/**
 * The rules a patch must keep before it is applied to a tree (KernelCI's patchset service
 * refuses the same things): each names what a refused patch did, for the node's
 * {@code data.error_msg}.
 */
public enum PatchRule {
    TOO_LARGE("is larger than the limit of " + PatchValidator.MAX_BYTES + " bytes"),
    NUL_BYTE("contains a NUL byte"),
    BINARY("is a binary patch (GIT binary patch / Binary files)"),
    SYMLINK_MODE("creates or changes a symbolic link (mode 12xxxx)"),
    SUBMODULE_MODE("creates or changes a submodule (mode 16xxxx)"),
    QUOTED_PATH("names a quoted file path"),
    ABSOLUTE_PATH("names an absolute file path"),
    PARENT_PATH("names a path with '..'"),
    GIT_DIRECTORY("writes into .git/"),
    UNREADABLE_HEADER("has a file header whose file names cannot be read"),
    RENAME_OUT_OF_TREE("renames or copies a file out of the tree"),
    ESCAPING_SYMLINK("writes through a symbolic link that leads out of the tree"),
    NO_DIFF("contains no file diff");

    private final String description;

    PatchRule(String description) {
        this.description = description;
    }

    /** What a patch breaking this rule does, e.g. "contains a NUL byte". */
    public String description() {
        return description;
    }
}
