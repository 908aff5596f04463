package dev.maestro.pipeline.streamrepair;

import dev.maestro.event.EventLog;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds, adds events that could not reach their stream (see
 * {@link EventLog#restream}) to it. Every instance runs one; each event is claimed atomically,
 * so an event is added once whichever instance finds it.
 */
@Singleton
@Startup
public class StreamRepairTimer {
    private static final Logger LOG = Logger.getLogger(StreamRepairTimer.class.getName());
    private static final long PERIOD_MILLIS = 2000;
    private static final int BATCH = 1000;

    @Resource
    TimerService timerService;

    @Inject
    EventLog events;

    @PostConstruct
    void start() {
        timerService.createIntervalTimer(PERIOD_MILLIS, PERIOD_MILLIS, new TimerConfig("maestro-stream-repair", false));
    }

    @Timeout
    void repair() {
        try {
            events.restream(BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stream repair failed; retried in " + PERIOD_MILLIS + " ms", e);
        }
    }
}
