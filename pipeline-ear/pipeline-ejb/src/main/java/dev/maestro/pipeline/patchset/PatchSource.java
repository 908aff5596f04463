package dev.maestro.pipeline.patchset;

import java.net.URI;

/** One patch of a series as it is submitted: a URL to fetch it from, or its bytes. */
public sealed interface PatchSource {

    /** A patch at {@code url}: on an allowed host, or in this pipeline's storage. */
    record Url(URI url) implements PatchSource {
    }

    /** A patch sent inline; it is stored before the patchset node is created. */
    record Inline(byte[] content) implements PatchSource {
    }
}
