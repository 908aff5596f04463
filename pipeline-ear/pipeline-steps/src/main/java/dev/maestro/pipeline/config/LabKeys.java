package dev.maestro.pipeline.config;

/** The keys a runtime entry has for its lab type alone (a LAVA lab's URL and tokens, a Docker host…). */
public sealed interface LabKeys permits LavaConfig, DockerRuntimeConfig {
}
