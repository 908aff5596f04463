package dev.maestro.pipeline.settings;

import dev.maestro.pipeline.config.ConfigLoader;
import dev.maestro.pipeline.config.ConfigWatcher;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.config.StorageConfig;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.ArtifactStorages;
import dev.maestro.pipeline.storage.UploadToken;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pipeline's settings: its own MicroProfile Config keys, each read here once (those it
 * shares with the API are the core's {@code SharedSettings}), and the current pipeline
 * configuration file. Without {@code MAESTRO_PIPELINE_CONFIG} the steps stay
 * idle (the lifecycle rules still run); with it, the file must be valid at deployment, and is
 * then checked for changes every {@code MAESTRO_CONFIG_RELOAD_SECONDS} (default 5): a valid
 * edit takes effect at once, an invalid one is logged and the last good configuration stays.
 *
 * <p>Bean-managed concurrency: readers only read volatile fields, and the reload timer is the
 * only writer.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PipelineSettings {
    private static final Logger LOG = Logger.getLogger(PipelineSettings.class.getName());

    @Inject
    @ConfigProperty(name = ConfigLoader.PATH_VARIABLE)
    Optional<String> configFile;

    @Inject
    @ConfigProperty(name = "MAESTRO_DATA_DIR", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = UploadToken.VARIABLE)
    Optional<String> storageToken;

    @Inject
    @ConfigProperty(name = "MAESTRO_CONFIG_RELOAD_SECONDS", defaultValue = "5")
    long reloadSeconds;

    @Inject
    @ConfigProperty(name = "MAESTRO_API_URL", defaultValue = "http://127.0.0.1:8001")
    String apiUrl;

    @Inject
    @ConfigProperty(name = "MAESTRO_INSTANCE_ID")
    Optional<String> instanceId;

    @Resource
    TimerService timerService;

    private ConfigWatcher watcher;
    private volatile StorageConfig storageConfig;
    private volatile ArtifactStorage storage;
    private UploadToken uploadToken;

    @PostConstruct
    void load() {
        uploadToken = new UploadToken(storageToken.orElse(null));
        if (configFile.isEmpty() || configFile.get().isBlank()) {
            LOG.info(ConfigLoader.PATH_VARIABLE + " is not set: the pipeline steps (trigger, tarball, scheduler, jobs)"
                    + " are idle; the lifecycle rules run. Point it at a configuration such as"
                    + " server-config/src/main/config/pipeline.yaml to run them.");
            return;
        }
        // A ConfigException here fails the deployment: the server must not run a bad configuration.
        watcher = ConfigWatcher.open(Path.of(configFile.get()), new ConfigLoader(environment()));
        openStorage(watcher.current().storage());
        if (!uploadToken.isConfigured()) {
            LOG.warning(UploadToken.VARIABLE + " is not set: storage refuses uploads, so jobs cannot store artifacts");
        }
        long millis = reloadSeconds * 1000;
        timerService.createIntervalTimer(millis, millis, new TimerConfig("maestro-config-reload", false));
    }

    /**
     * {@code ${VAR}} in the file resolves against the environment and then the JVM's system
     * properties, since a server started with {@code -DVAR=…} is configured that way too.
     */
    private static Map<String, String> environment() {
        Map<String, String> values = new HashMap<>(System.getenv());
        System.getProperties().stringPropertyNames().forEach(name -> values.put(name, System.getProperty(name)));
        return values;
    }

    @Timeout
    void reload() {
        if (watcher.refresh() == ConfigWatcher.Outcome.RELOADED && !watcher.current().storage().equals(storageConfig)) {
            openStorage(watcher.current().storage());
        }
    }

    private void openStorage(StorageConfig config) {
        storage = ArtifactStorages.open(config);
        storageConfig = config;
        LOG.info("Artifact storage '" + config.name() + "': " + config.path() + ", public at " + config.baseUrl());
    }

    /** The last valid configuration, or empty when none is configured (the steps are then idle). */
    public Optional<PipelineConfig> config() {
        return watcher == null ? Optional.empty() : Optional.of(watcher.current());
    }

    /** Why the file's current content is not in force (it was edited into something invalid), if so. */
    public Optional<String> configProblem() {
        return watcher == null ? Optional.empty() : watcher.lastError().map(Throwable::getMessage);
    }

    /** The storage backend of the current configuration. */
    public Optional<ArtifactStorage> storage() {
        return Optional.ofNullable(storage);
    }

    /** Who may upload to storage ({@code MAESTRO_STORAGE_TOKEN}). */
    public UploadToken uploadToken() {
        return uploadToken;
    }

    /** The token itself, which jobs get in their environment to upload their artifacts. */
    public String storageTokenValue() {
        return storageToken.orElse("");
    }

    /** Where the pipeline keeps git mirrors, tarballs in the making and job directories. */
    public Path workDirectory() {
        return Path.of(dataDir, "pipeline").toAbsolutePath();
    }

    /** The API's base URL as jobs and the readers of reports reach it ({@code MAESTRO_API_URL}). */
    public String apiUrl() {
        return apiUrl;
    }

    /** This instance's name in the claims and leases it takes ({@code MAESTRO_INSTANCE_ID}, else {@code maestro}). */
    public String instanceId() {
        return instanceId.orElse("maestro");
    }

    /**
     * This instance's name on the jobs that outlive it (cluster Jobs), by which it adopts them
     * again when it restarts: {@code MAESTRO_INSTANCE_ID}, else the host name rather than
     * {@code maestro}, so that instances that set none still tell their jobs apart (a StatefulSet
     * pod's name stays the same across restarts).
     */
    public String jobOwner() {
        return instanceId.orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }

    /** Where runtimes keep their jobs' local files (one directory per runtime entry). */
    public Path jobsDirectory() {
        return workDirectory().resolve("jobs");
    }
}
