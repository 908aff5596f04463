package dev.maestro.pipeline.patchwork;

/** Who sent a series, as Patchwork (or a webhook payload) names them. */
public record Submitter(String name, String email) {
}
