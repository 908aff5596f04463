package dev.maestro.pipeline.patch;

import java.net.URI;

/**
 * A series applied and stored.
 *
 * @param seriesHash  {@link PatchHash#ofSeries}: the patchset node's {@code kernel_revision.patchset}
 * @param tarballName {@code <base tarball name>-<hash[:13]>-<node id[-12:]>.tar.gz}, whose top directory is the name without {@code .tar.gz}
 * @param tarballUrl  its public URL: the patchset node's {@code artifacts.tarball}
 */
public record AppliedPatchset(String seriesHash, String tarballName, URI tarballUrl) {
}
