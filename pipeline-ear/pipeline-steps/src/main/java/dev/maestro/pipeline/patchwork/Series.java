package dev.maestro.pipeline.patchwork;

import java.net.URI;
import java.util.List;

/**
 * A series as {@code GET /api/1.2/series/{id}/} answers it, reduced to what the pipeline uses.
 *
 * @param mbox     the whole series as one mbox, in order
 * @param complete Patchwork's {@code received_all}: every patch of the series has arrived
 */
public record Series(long id, String name, URI webUrl, URI mbox, Submitter submitter, List<SeriesPatch> patches,
                     boolean complete) {
    public Series {
        patches = List.copyOf(patches);
    }
}
