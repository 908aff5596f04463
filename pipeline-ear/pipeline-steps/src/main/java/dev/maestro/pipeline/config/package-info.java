/**
 * The pipeline's YAML configuration (KernelCI's shapes: trees, build_configs, jobs, platforms,
 * runtimes, scheduler, storage): the typed model, a strict loader whose errors name the file, the
 * line and the key, and a watcher that reloads the file when it changes and keeps the last good
 * version. Depends on {@code git} (name rules) and {@code jobs} (template lookup); every other
 * pipeline package reads the model from here.
 */
package dev.maestro.pipeline.config;
