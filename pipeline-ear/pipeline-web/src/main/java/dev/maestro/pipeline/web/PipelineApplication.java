package dev.maestro.pipeline.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The pipeline's JAX-RS application, at the root of its context ({@code /pipeline}). */
@ApplicationPath("/")
public class PipelineApplication extends Application {
}
