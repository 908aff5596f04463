package dev.maestro.pipeline.jobrun;

import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.runtime.AdoptedJob;
import dev.maestro.pipeline.runtime.JobRuntimeException;
import dev.maestro.pipeline.settings.PipelineSettings;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * After a start, finds the jobs this pipeline instance left running in runtimes that keep them
 * (a Kubernetes cluster) and hands them to {@link RunningJobs}, which then treats them like jobs
 * it started: their log is stored and their node closed when they end, or they are deleted at
 * their limit. It runs from a timer shortly after start-up rather than during it, so that a
 * runtime that cannot be reached delays nothing; such a runtime is asked again every minute,
 * with one warning, until it answers.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobAdoption {
    private static final Logger LOG = Logger.getLogger(JobAdoption.class.getName());
    private static final long FIRST_MS = 2_000;
    private static final long RETRY_MS = 60_000;

    @Resource
    TimerService timerService;

    @Inject
    PipelineSettings settings;

    @Inject
    JobLauncher launcher;

    @Inject
    RunningJobs running;

    /** Runtimes whose jobs are not adopted yet; null until the first attempt. */
    private Set<String> pending;
    private final Set<String> warned = new HashSet<>();

    @PostConstruct
    void schedule() {
        if (settings.config().isPresent()) {
            timerService.createSingleActionTimer(FIRST_MS, new TimerConfig("maestro-job-adoption", false));
        }
    }

    @Timeout
    synchronized void adopt() {
        Optional<PipelineConfig> config = settings.config();
        if (config.isEmpty()) {
            return;
        }
        if (pending == null) {
            pending = new HashSet<>(config.get().runtimes().keySet());
        }
        for (String name : List.copyOf(pending)) {
            RuntimeConfig runtime = config.get().runtimes().get(name);
            if (runtime == null || adopted(config.get(), runtime)) {
                pending.remove(name);
            }
        }
        if (!pending.isEmpty()) {
            timerService.createSingleActionTimer(RETRY_MS, new TimerConfig("maestro-job-adoption", false));
        }
    }

    private boolean adopted(PipelineConfig config, RuntimeConfig runtime) {
        try {
            List<AdoptedJob> jobs = launcher.runtime(config, runtime).adopt();
            for (AdoptedJob job : jobs) {
                running.adopt(new ObjectId(job.nodeId()), job.job(), job.artifactDirectory());
            }
            if (!jobs.isEmpty()) {
                LOG.info("Watching " + jobs.size() + " job(s) of runtime " + runtime.name() + " again after a restart");
            }
            return true;
        } catch (UnsupportedOperationException e) {
            // A lab type that runs no jobs here has none to adopt.
            return true;
        } catch (JobRuntimeException | IllegalStateException e) {
            if (warned.add(runtime.name())) {
                LOG.warning("Jobs left running in runtime " + runtime.name() + " cannot be looked for yet ("
                        + e.getMessage() + "); trying again every minute");
            }
            return false;
        }
    }
}
