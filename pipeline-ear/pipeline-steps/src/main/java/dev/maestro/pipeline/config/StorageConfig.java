package dev.maestro.pipeline.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where artifacts go.
 *
 * @param path    the directory that holds the files (absolute; a relative path in the file is
 *                taken from the configuration file's directory)
 * @param baseUrl public, read-only URL of {@code path}; always ends with {@code /}
 * @param apiUrl  the upload endpoint's base, without a trailing {@code /}: jobs {@code POST <api_url>/upload}
 */
public record StorageConfig(String name, StorageType type, Path path, URI baseUrl, URI apiUrl) {
}
