package dev.maestro.pipeline.patch;

/**
 * The series could not be made into a patched tree. The caller closes the patchset node
 * {@code done}/{@code fail} with {@code data.error_code} = {@link #errorCode()} and
 * {@code data.error_msg} = the message, which names the patch and the reason.
 */
public class PatchsetFailure extends Exception {
    /** A patch could not be downloaded (refused host, HTTP error, too large). */
    public static final String DOWNLOAD = "patch_download_failure";
    /** A patch broke a {@link PatchRule}. */
    public static final String INVALID = "patch_invalid";
    /** A patch does not apply to the tree (the base plus the patches before it). */
    public static final String APPLY = "patch_apply_failure";
    /** The base checkout gave no tree to patch (failed, not a configured tree, not in the mirror). */
    public static final String BASE = "git_checkout_failure";

    private final String errorCode;

    public PatchsetFailure(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public PatchsetFailure(String errorCode, String message) {
        this(errorCode, message, null);
    }

    public String errorCode() {
        return errorCode;
    }
}
