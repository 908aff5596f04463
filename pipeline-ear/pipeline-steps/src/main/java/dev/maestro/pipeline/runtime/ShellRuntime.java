package dev.maestro.pipeline.runtime;

import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.jobs.JobTemplates;
import dev.maestro.pipeline.process.ProcessGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs jobs as local {@code sh} processes. Each job gets a fresh directory under the work root
 * holding {@code job.sh} (its {@link JobScript}) and {@code job.log} (everything it prints); the
 * job runs in that directory with its standard input closed, in its own session so its time
 * limit can kill all it started.
 *
 * <p>Its environment is deliberately small: a few harmless variables of the server
 * ({@code PATH}, {@code HOME}, locale, proxies) and the job's own ({@link JobScript#variables}).
 * The server's secrets (database URLs, admin passwords) never reach it.
 */
public final class ShellRuntime extends ScriptRuntime {
    private static final Logger LOG = Logger.getLogger(ShellRuntime.class.getName());
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ",
            "TMPDIR", "USER", "LOGNAME", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY",
            "NO_PROXY");
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Path workRoot;

    /** Jobs get directories under {@code workRoot}, which is created if needed. */
    public ShellRuntime(RuntimeConfig config, JobTemplates templates, Path workRoot, JobEnvironment environment) {
        super(config, new JobScript(config, templates, environment));
        this.workRoot = workRoot.toAbsolutePath().normalize();
    }

    @Override
    public ShellJob submit(JobRequest request) {
        String text = generate(request);
        Duration limit = request.timeLimit(config);
        try {
            Files.createDirectories(workRoot);
            Path dir = Files.createTempDirectory(workRoot, request.artifactDirectory() + "-");
            Path scriptFile = dir.resolve("job.sh");
            Files.writeString(scriptFile, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(scriptFile, PosixFilePermissions.fromString("rwxr-x---"));
            Path log = dir.resolve("job.log");
            ProcessBuilder builder = new ProcessBuilder("sh", scriptFile.toString())
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(environmentOf(request));
            Instant started = Instant.now();
            Process process = ProcessGroup.start(builder);
            LOG.info("Started job " + request.job().name() + " for node " + request.nodeId() + " as pid " + process.pid()
                    + " in " + dir + " (limit " + limit.toSeconds() + " s)");
            return new ShellJob(request.job().kind(), process, dir, log, started, limit);
        } catch (IOException e) {
            throw new JobRuntimeException(JobFailure.SUBMIT_ERROR, "Cannot start the shell job for node "
                    + request.nodeId() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> environmentOf(JobRequest request) {
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> server = System.getenv();
        for (String name : INHERITED) {
            if (server.get(name) != null) {
                env.put(name, server.get(name));
            }
        }
        env.putIfAbsent("PATH", DEFAULT_PATH);
        env.putAll(script.variables(request));
        return env;
    }
}
