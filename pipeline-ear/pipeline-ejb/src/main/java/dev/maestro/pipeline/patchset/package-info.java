/**
 * Patch testing in the pipeline: {@link dev.maestro.pipeline.patchset.PatchsetSubmissions}
 * creates patchset nodes (for {@code POST /pipeline/api/patchset} and the Patchwork bridge) and
 * {@link dev.maestro.pipeline.patchset.PatchsetBean} applies each series once its base checkout
 * is available. The work itself (validation, hash, apply, tarball) is pipeline-steps'
 * {@code patch} package; nodes are read and written through {@code NodeService}.
 */
package dev.maestro.pipeline.patchset;
