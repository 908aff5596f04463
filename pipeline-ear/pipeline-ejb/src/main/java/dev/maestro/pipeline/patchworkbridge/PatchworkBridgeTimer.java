package dev.maestro.pipeline.patchworkbridge;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.sweep.SweepLeases;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second: polls the Patchwork projects whose {@code poll_period} has passed (each on the
 * one instance holding its lease, {@code patchwork:<project>} in {@code sweep_leases}), submits
 * the recorded series that are due, decides the checks of those whose patchset is complete and
 * posts the checks that are due. Each record is claimed by compare-and-set, so any number of
 * instances share the work without doing it twice. A tick that comes while the previous one
 * still runs returns at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PatchworkBridgeTimer {
    private static final Logger LOG = Logger.getLogger(PatchworkBridgeTimer.class.getName());
    /** Records handled per tick and stage at most, so that a backlog does not hold one tick for long. */
    private static final int PER_TICK = 10;

    @Resource
    TimerService timerService;

    @Inject
    PatchworkClients clients;

    @Inject
    SweepLeases leases;

    @Inject
    SeriesPoller poller;

    @Inject
    SeriesSubmitter submitter;

    @Inject
    CheckReporter reporter;

    @Inject
    PipelineSettings pipelineSettings;

    private final AtomicBoolean running = new AtomicBoolean();
    /** When each project (by name) is due next; only the tick holding {@link #running} touches it. */
    private final Map<String, Instant> nextPoll = new HashMap<>();

    @PostConstruct
    void start() {
        timerService.createIntervalTimer(1000, 1000, new TimerConfig("maestro-patchwork", false));
    }

    @Timeout
    void tick() {
        Map<String, PatchworkConfig> projects = clients.projects();
        if (projects.isEmpty() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            pollDue(projects);
            int submitted = 0;
            while (submitted < PER_TICK && submitter.submitOne(pipelineSettings.instanceId())) {
                submitted++;
            }
            reporter.decideComplete();
            int posted = 0;
            while (posted < PER_TICK && reporter.postOne(pipelineSettings.instanceId())) {
                posted++;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Patchwork bridge tick failed; trying again in a second", e);
        } finally {
            running.set(false);
        }
    }

    private void pollDue(Map<String, PatchworkConfig> projects) {
        Instant now = Instant.now();
        for (PatchworkConfig project : projects.values()) {
            if (now.isBefore(nextPoll.getOrDefault(project.name(), Instant.MIN))) {
                continue;
            }
            nextPoll.put(project.name(), now.plus(project.pollPeriod()));
            if (!leases.mine("patchwork:" + project.name(), project.pollPeriod())) {
                continue;
            }
            try {
                poller.poll(project, clients.client(project));
            } catch (RuntimeException e) {
                LOG.warning("Patchwork " + project.name() + ": poll of " + project.url() + " failed: " + e.getMessage()
                        + "; trying again in " + project.pollPeriod().toSeconds() + " s");
            }
        }
        nextPoll.keySet().retainAll(projects.keySet());
    }
}
