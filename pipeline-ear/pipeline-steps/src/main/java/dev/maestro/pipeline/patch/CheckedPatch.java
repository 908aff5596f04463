package dev.maestro.pipeline.patch;

import java.util.List;

/**
 * A patch that passed {@link PatchValidator#validate}: its name in the series, its bytes, and
 * the tree-relative paths it writes to (for the check against the tree it applies to).
 */
public record CheckedPatch(String name, byte[] content, List<String> targets) {
    public CheckedPatch {
        targets = List.copyOf(targets);
    }
}
