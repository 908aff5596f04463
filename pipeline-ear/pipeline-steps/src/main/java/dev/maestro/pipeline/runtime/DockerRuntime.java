package dev.maestro.pipeline.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import dev.maestro.pipeline.config.DockerRuntimeConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Runs jobs in containers of a Docker Engine ({@code lab_type: docker}). The container is made
 * from the job's {@code image} (which must be on the Docker host: nothing is pulled), gets the
 * same script and variables as a shell job ({@link JobScript}) as {@code /maestro/job.sh}, runs
 * it with {@code sh} in {@code /maestro/work}, and carries labels naming its node (see
 * {@link ContainerLabels}). By default it shares the host's network, so the API and storage URLs
 * the pipeline gives jobs work in it unchanged. The job reports its result through the API, as a
 * shell job does; the pipeline reads the container's state and output.
 */
public final class DockerRuntime extends ScriptRuntime {
    private static final Logger LOG = Logger.getLogger(DockerRuntime.class.getName());
    static final String SCRIPT = "/maestro/job.sh";
    static final String WORK_DIRECTORY = "/maestro/work";

    private final DockerRuntimeConfig docker;
    private final Path logRoot;

    /** Local copies of the jobs' logs go under {@code logRoot}, which is created if needed. */
    DockerRuntime(RuntimeConfig config, JobScript script, Path logRoot) {
        super(config, script);
        this.docker = config.docker().orElseThrow(() -> new IllegalArgumentException(
                "Runtime " + config.name() + " is not a docker runtime"));
        this.logRoot = logRoot.toAbsolutePath().normalize();
    }

    @Override
    public DockerJob submit(JobRequest request) {
        String image = request.job().image();
        if (image.isEmpty()) {
            throw new JobRuntimeException(JobFailure.INVALID_JOB_PARAMS, "Job " + request.job().name()
                    + " has no image, which runtime " + config.name() + " (lab_type docker) needs: give the job an 'image' key");
        }
        String text = generate(request);
        ContainerLabels labels = new ContainerLabels(request.nodeId(), config.name(), request.artifactDirectory(),
                request.job().kind(), Instant.now(), request.timeLimit(config));
        DockerClient client = null;
        String id = null;
        try {
            Path log = logFile(logRoot, labels);
            client = DockerEngine.connect(docker.host());
            requireImage(client, image);
            id = create(client, image, labels, request).exec().getId();
            client.copyArchiveToContainerCmd(id).withRemotePath("/").withTarInputStream(scriptArchive(text)).exec();
            client.startContainerCmd(id).exec();
            LOG.info("Started job " + request.job().name() + " for node " + request.nodeId() + " in container "
                    + id.substring(0, 12) + " of image " + image + " on " + docker.host() + " (limit "
                    + labels.limit().toSeconds() + " s)");
            return new DockerJob(client, id, labels, log);
        } catch (JobRuntimeException e) {
            abandon(client, id);
            throw e;
        } catch (RuntimeException e) {
            abandon(client, id);
            String what = e instanceof DockerException ? " refused to start the job's container: "
                    : " cannot be reached (is the daemon running, and its socket or port reachable?): ";
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "The Docker Engine at " + docker.host() + what
                    + DockerEngine.reason(e), e);
        }
    }

    /** A container that was made but could not start would only be adopted and failed later: it goes now. */
    private static void abandon(DockerClient client, String containerId) {
        if (client == null) {
            return;
        }
        if (containerId != null) {
            try {
                client.removeContainerCmd(containerId).withForce(true).exec();
            } catch (RuntimeException e) {
                LOG.warning("Container " + containerId + " could not start and could not be removed: " + DockerEngine.reason(e));
            }
        }
        close(client);
    }

    /**
     * The containers a docker runtime entry started that are still on the Docker host (running,
     * or ended and not yet removed because the pipeline stopped first), to watch on after a restart.
     *
     * @param logRoot as for the runtime's jobs
     * @throws JobRuntimeException with {@code submit_error} when the Docker Engine cannot be reached
     */
    static List<AdoptedJob> adopt(RuntimeConfig config, Path logRoot) {
        URI host = config.docker().orElseThrow().host();
        List<Container> containers;
        try (DockerClient client = DockerEngine.connect(host)) {
            containers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of(ContainerLabels.RUNTIME, config.name())).exec();
        } catch (IOException | RuntimeException e) {
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "The Docker Engine at " + host
                    + " cannot be reached to find the jobs of runtime " + config.name() + ": "
                    + DockerEngine.reason(e), e);
        }
        return containers.stream().flatMap(c -> ContainerLabels.of(c.getLabels()).stream().map(labels ->
                // Each job owns its client, as submitted ones do, and closes it when discarded or detached.
                new AdoptedJob(labels.nodeId(), labels.artifactDirectory(), new DockerJob(DockerEngine.connect(host),
                        c.getId(), labels, logFile(logRoot, labels))))).toList();
    }

    private void requireImage(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "Image " + image + " is not on the Docker host "
                    + docker.host() + " (the pipeline pulls nothing: pull or load it there first)", e);
        }
    }

    private CreateContainerCmd create(DockerClient client, String image, ContainerLabels labels, JobRequest request) {
        HostConfig host = HostConfig.newHostConfig().withNetworkMode(docker.network())
                .withBinds(docker.volumes().stream().map(Bind::parse).toList());
        docker.memoryMb().ifPresent(mb -> host.withMemory(mb * 1024 * 1024));
        docker.cpus().ifPresent(cpus -> host.withNanoCPUs(Math.round(cpus * 1e9)));
        CreateContainerCmd create = client.createContainerCmd(image)
                .withName("maestro-" + config.name() + "-" + request.nodeId())
                .withLabels(labels.toMap())
                .withEnv(script.variables(request).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withWorkingDir(WORK_DIRECTORY)
                .withCmd("sh", SCRIPT)
                .withHostConfig(host);
        if (!docker.user().isEmpty()) {
            create.withUser(docker.user());
        }
        return create;
    }

    /** {@code /maestro/job.sh}, and the work directory writable by whichever user the job runs as. */
    private static ByteArrayInputStream scriptArchive(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            directory(tar, "maestro/", 0755);
            directory(tar, "maestro/work/", 01777);
            TarArchiveEntry file = new TarArchiveEntry(SCRIPT.substring(1));
            file.setMode(0755);
            file.setSize(body.length);
            tar.putArchiveEntry(file);
            tar.write(body);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot archive the job script", e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static void directory(TarArchiveOutputStream tar, String name, int mode) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(mode);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static Path logFile(Path logRoot, ContainerLabels labels) {
        try {
            return Files.createDirectories(logRoot).resolve(labels.artifactDirectory() + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + logRoot, e);
        }
    }

    private static void close(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.fine("Closing a Docker client: " + e.getMessage());
        }
    }
}
