package dev.maestro.pipeline.jobrun;

import dev.maestro.pipeline.runtime.AdoptedJob;
import dev.maestro.pipeline.runtime.JobFailure;
import dev.maestro.pipeline.runtime.JobOutcome;
import dev.maestro.pipeline.runtime.JobRuntimeException;
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
import java.nio.file.Files;
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
 * <p>Local processes are watched by the instance that started them. When the pipeline stops
 * (undeployed, server shut down) it kills them, as they run in sessions of their own and would
 * outlive it, and closes their nodes; if it dies without stopping, the nodes' own
 * {@code timeout} ends them through the lifecycle rules. Jobs on a lab that outlives the
 * pipeline (containers) are left running when it stops, and its first tick after a start
 * adopts those of every configured runtime entry, so that their logs are still stored and their
 * limits still enforced. Killing an overdue job can take seconds; ticks that come meanwhile
 * return at once.
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
    private final AtomicBoolean adopted = new AtomicBoolean();

    @PostConstruct
    void start() {
        if (settings.config().isPresent()) {
            timerService.createIntervalTimer(1000, 1000, new TimerConfig("maestro-job-watcher", false));
        }
    }

    @PreDestroy
    void stopAll() {
        jobs.forEach((nodeId, watched) -> {
            try {
                if (watched.job().detach()) {
                    LOG.info("The job of node " + nodeId + " (" + watched.job().jobId() + ") goes on; the next start adopts it");
                    return;
                }
                watched.job().cancel();
                closer.fail(nodeId, new JobFailure(JobFailure.INFRASTRUCTURE, STOPPED), Map.of());
                watched.job().discard();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not stop the job of node " + nodeId + " cleanly", e);
            }
        });
        jobs.clear();
        // Connections to clusters are shared by their jobs; the detached ones no longer need them.
        JobRuntimes.releaseShared();
    }

    /** Watches a started job until it ends. */
    public void watch(ObjectId nodeId, RunningJob job, String artifactDirectory) {
        jobs.put(nodeId, new Watched(job, artifactDirectory));
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
            if (adopted.compareAndSet(false, true)) {
                adoptLeftJobs();
            }
            jobs.forEach(this::check);
        } finally {
            polling.set(false);
        }
    }

    /** Once per start: a lab that cannot be reached is logged once, and its jobs end by their nodes' timeout. */
    private void adoptLeftJobs() {
        settings.config().ifPresent(config -> config.runtimes().values().forEach(runtime -> {
            try {
                for (AdoptedJob left : JobRuntimes.adopt(runtime, settings.jobsDirectory(), settings.jobOwner())) {
                    if (ObjectId.isValid(left.nodeId()) && jobs.putIfAbsent(new ObjectId(left.nodeId()),
                            new Watched(left.job(), left.artifactDirectory())) == null) {
                        LOG.info("Adopted the job of node " + left.nodeId() + " (" + left.job().jobId() + ") on runtime "
                                + runtime.name() + ", left by an earlier run of the pipeline");
                    } else {
                        // Started by this run before its first tick (already watched), or not a job of ours.
                        left.job().detach();
                    }
                }
            } catch (JobRuntimeException e) {
                LOG.warning("Jobs left on runtime " + runtime.name() + " by an earlier run were not adopted: " + e.getMessage());
            }
        }));
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
        if (storage.isEmpty() || !Files.exists(outcome.logFile())) {
            return Map.of();
        }
        StoragePath path = StoragePath.of(watched.artifactDirectory()).resolve(LOG_FILE);
        return Map.of(LOG_ARTIFACT, storage.get().put(path, outcome.logFile()).toString());
    }
}
