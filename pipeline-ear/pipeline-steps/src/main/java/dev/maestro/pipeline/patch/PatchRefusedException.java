package dev.maestro.pipeline.patch;

/** A patch broke one of the {@link PatchRule}s; the message names the patch, the rule and where. */
public class PatchRefusedException extends Exception {
    private final String patch;
    private final PatchRule rule;

    public PatchRefusedException(String patch, PatchRule rule, String detail) {
        super(patch + " " + rule.description() + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.patch = patch;
        this.rule = rule;
    }

    /** The patch's name in the series ({@code patch0}, {@code patch1}…). */
    public String patch() {
        return patch;
    }

    public PatchRule rule() {
        return rule;
    }
}
