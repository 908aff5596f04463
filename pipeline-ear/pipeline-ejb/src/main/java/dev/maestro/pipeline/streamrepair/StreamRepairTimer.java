package dev.maestro.pipeline.streamrepair;

import dev.maestro.event.EventLog;
import dev.maestro.event.OrphanedEvents;
import dev.maestro.pipeline.sweep.SweepLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, adds events that could not reach their stream (see
 * {@link EventLog#restream}) to it, and those whose writer died before adding them (see
 * {@link OrphanedEvents}). Every instance runs the timer; the holder of the
 * {@code stream-repair} sweep lease does the work. Each event is also claimed atomically, so an
 * event is added once even while a lease changes hands.
 */
@Singleton
@Startup
public class StreamRepairTimer {
    private static final Logger LOG = Logger.getLogger(StreamRepairTimer.class.getName());
    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int BATCH = 1000;

    @Resource
    TimerService timerService;

    @Inject
    EventLog events;

    @Inject
    OrphanedEvents orphans;

    @Inject
    SweepLeases sweeps;

    @PostConstruct
    void start() {
        timerService.createIntervalTimer(PERIOD.toMillis(), PERIOD.toMillis(), new TimerConfig("maestro-stream-repair", false));
    }

    @Timeout
    void repair() {
        try {
            if (sweeps.mine("stream-repair", PERIOD)) {
                events.restream(BATCH);
                orphans.restream();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stream repair failed; retried in " + PERIOD.toMillis() + " ms", e);
        }
    }
}
