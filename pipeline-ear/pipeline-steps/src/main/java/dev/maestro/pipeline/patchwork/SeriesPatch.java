package dev.maestro.pipeline.patchwork;

import java.net.URI;

/** One patch of a series: its Patchwork id (checks are posted on it), title, page and mbox. */
public record SeriesPatch(long id, String name, URI webUrl, URI mbox) {
}
