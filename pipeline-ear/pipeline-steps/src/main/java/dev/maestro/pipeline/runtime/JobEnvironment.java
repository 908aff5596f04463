package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.StorageConfig;
import java.net.URI;

/**
 * How a job reaches the API and the storage endpoint. Tokens only ever travel in the job's
 * environment, never in the generated script, and never in {@link #toString()}.
 *
 * @param apiUrl        the API's base URL; jobs call {@code <apiUrl>/latest/...}
 * @param storageApiUrl the upload endpoint's base; jobs {@code POST <storageApiUrl>/upload}
 * @param storageBaseUrl public URL of the storage root, ending with {@code /}
 */
public record JobEnvironment(URI apiUrl, String apiToken, URI storageApiUrl, URI storageBaseUrl, String storageToken) {

    public static JobEnvironment of(URI apiUrl, String apiToken, StorageConfig storage, String storageToken) {
        return new JobEnvironment(apiUrl, apiToken, storage.apiUrl(), storage.baseUrl(), storageToken);
    }

    /** Where a job's artifacts are read from: {@code <storage base>/<job>-<node id>/}. */
    public String artifactUrl(JobRequest request) {
        return storageBaseUrl + request.artifactDirectory() + "/";
    }

    @Override
    public String toString() {
        return "JobEnvironment[api=" + apiUrl + ", storage=" + storageApiUrl + ", public=" + storageBaseUrl + "]";
    }
}
