package dev.maestro.pipeline.jobrun;

import dev.maestro.pipeline.runtime.JobFailure;
import dev.maestro.pipeline.runtime.JobOutcome;
import dev.maestro.pipeline.runtime.JobRuntimes;
import dev.maestro.pipeline.runtime.RunningJob;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoragePath;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * The jobs this instance started, watched every second: polling a job enforces its time limit;
 * once it has ended, its output is stored as the node's {@code log} artifact
 * ({@code <job>-<node id>/job.log}), the node is closed if the job could not report, and its
 * local files are deleted. A job stays watched until all of that succeeded.
 *
 * <p>Jobs are watched by the instance that started them. When the pipeline stops (undeployed,
 * server shut down) it kills its local jobs, which run in sessions of their own and would outlive
 * it, and closes their nodes; jobs of runtimes that keep them elsewhere (a cluster) go on, and
 * the next start adopts them ({@link JobAdoption}). If it dies without stopping, the nodes' own
 * {@code timeout} ends them through the lifecycle rules. Killing an overdue job can take
 * seconds; ticks that come meanwhile return at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunningJobs {
    private static final Logger LOG = Logger.getLogger(RunningJobs.class.getName());
    static final String LOG_ARTIFACT = "log";
    private static final String LOG_FILE = "job.log";
    static final String STOPPED = "The pipeline instance running the job stopped and killed it";

    private record Watched(RunningJob job, String artifactDirectory) {
    }

    @Resource
    TimerService timerService;

    @Inject
    PipelineSettings settings;

    @Inject
    JobCloser closer;

    @Inject
    JobResults results;

    private final Map<ObjectId, Watched> jobs = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (settings.config().isPresent()) {
            timerService.createIntervalTimer(1000, 1000, new TimerConfig("maestro-job-watcher", false));
        }
    }

    @PreDestroy
    void stopAll() {
        jobs.forEach((nodeId, watched) -> {
            if (watched.job().outlivesPipeline()) {
                // It goes on without us; the next start adopts it (JobAdoption).
                return;
            }
            try {
                watched.job().cancel();
                closer.fail(nodeId, new JobFailure(JobFailure.INFRASTRUCTURE, STOPPED), Map.of());
                watched.job().discard();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not stop the job of node " + nodeId + " cleanly", e);
            }
        });
        jobs.clear();
        JobRuntimes.releaseShared();
    }

    /** Watches a started job until it ends. */
    public void watch(ObjectId nodeId, RunningJob job, String artifactDirectory) {
        jobs.put(nodeId, new Watched(job, artifactDirectory));
    }

    /** Watches a job found still running after a restart, unless it is watched already. */
    public void adopt(ObjectId nodeId, RunningJob job, String artifactDirectory) {
        jobs.putIfAbsent(nodeId, new Watched(job, artifactDirectory));
    }

    /** How many jobs this instance is running. */
    public int count() {
        return jobs.size();
    }

    @Timeout
    void poll() {
        if (!polling.compareAndSet(false, true)) {
            return;
        }
        try {
            jobs.forEach(this::check);
        } finally {
            polling.set(false);
        }
    }

    private void check(ObjectId nodeId, Watched watched) {
        try {
            Optional<JobOutcome> outcome = watched.job().poll();
            if (outcome.isPresent()) {
                closer.finished(nodeId, outcome.get(), storeLog(watched, outcome.get()));
                results.ended(nodeId);
                jobs.remove(nodeId);
                watched.job().discard();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Watching the job of node " + nodeId + " failed; trying again", e);
        }
    }

    private Map<String, String> storeLog(Watched watched, JobOutcome outcome) {
        Optional<ArtifactStorage> storage = settings.storage();
        if (storage.isEmpty()) {
            return Map.of();
        }
        StoragePath path = StoragePath.of(watched.artifactDirectory()).resolve(LOG_FILE);
        return Map.of(LOG_ARTIFACT, storage.get().put(path, outcome.logFile()).toString());
    }
}
