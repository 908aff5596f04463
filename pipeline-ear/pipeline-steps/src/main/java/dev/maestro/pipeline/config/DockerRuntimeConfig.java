package dev.maestro.pipeline.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The keys of a {@code lab_type: docker} runtime entry.
 *
 * @param host     the Docker Engine API: {@code unix:///var/run/docker.sock} (the default) or {@code tcp://host:2375}
 * @param network  the containers' network mode; {@code host} by default, so that a job reaches the API
 *                 and the storage at the addresses the pipeline gives it ({@code 127.0.0.1} included)
 * @param user     the user the job runs as ({@code uid[:gid]} or a name the image knows); the image's own when empty
 * @param volumes  bind mounts in Docker's {@code source:target[:ro]} form
 * @param memoryMb the memory limit of a job's container in MiB, none when empty
 * @param cpus     how many CPUs a job's container may use (e.g. {@code 1.5}), no limit when empty
 */
public record DockerRuntimeConfig(URI host, String network, String user, List<String> volumes,
                                  Optional<Long> memoryMb, Optional<Double> cpus) implements LabKeys {
    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");
    public static final String DEFAULT_NETWORK = "host";
    /** The keys only docker entries take, besides {@code lab_type} and {@code timeout}. */
    static final List<String> KEYS = List.of("host", "network", "user", "volumes", "memory_mb", "cpus");

    public DockerRuntimeConfig {
        volumes = List.copyOf(volumes);
    }

    /** An entry with only {@code lab_type: docker}. */
    public static DockerRuntimeConfig defaults() {
        return new DockerRuntimeConfig(DEFAULT_HOST, DEFAULT_NETWORK, "", List.of(), Optional.empty(), Optional.empty());
    }
}
