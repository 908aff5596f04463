/**
 * Patch testing's core: the patchset node's shape ({@link dev.maestro.pipeline.patch.PatchsetNodes},
 * a {@code kind: checkout} child of the base named {@code patchset}, with its origin), the rules
 * a patch must keep ({@link dev.maestro.pipeline.patch.PatchValidator}), KernelCI's series hash
 * ({@link dev.maestro.pipeline.patch.PatchHash}), fetching patches from allowed hosts only
 * ({@link dev.maestro.pipeline.patch.PatchDownloader}) and applying a series on the base commit
 * into a stored tarball ({@link dev.maestro.pipeline.patch.PatchsetMaker}). Node reads and writes
 * stay with the calling beans. Within the pipeline, depends on {@code checkout} (the tree id),
 * {@code config}, {@code git} and {@code storage}.
 */
package dev.maestro.pipeline.patch;
