package dev.maestro.pipeline.config;

/** A kernel tree: a name and where to fetch it (a URL, or a local path made absolute at load). */
public record TreeConfig(String name, String url) {
}
