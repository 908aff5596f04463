package dev.maestro.pipeline.lifecycle;

import dev.maestro.pipeline.sweep.SweepLeases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ticks every {@code MAESTRO_LIFECYCLE_PERIOD} (default 10 s) and runs every
 * {@link LifecycleRule}. The timer is programmatic and non-persistent: every pipeline instance
 * runs its own (Payara Micro's persistent timers belong to the instance that made them, so no
 * correctness may hang on one instance), but only the holder of the {@code lifecycle} sweep
 * lease applies the rules; the others take over if it stops. Rules write with compare-and-set.
 * Ticks do not overlap: a singleton's timeout method holds its write lock.
 */
@Singleton
@Startup
public class LifecycleTimer {
    private static final Logger LOG = Logger.getLogger(LifecycleTimer.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "MAESTRO_LIFECYCLE_PERIOD", defaultValue = "10s")
    String periodSetting;

    @Inject
    LifecycleStats stats;

    @Inject
    Instance<LifecycleRule> rules;

    @Inject
    SweepLeases sweeps;

    private Duration period;

    @PostConstruct
    void start() {
        period = LifecyclePeriod.parse(periodSetting);
        timerService.createIntervalTimer(period.toMillis(), period.toMillis(), new TimerConfig("maestro-lifecycle", false));
        stats.started(period);
        LOG.info("Lifecycle timer started: every " + period.toMillis() + " ms, rules "
                + rules.stream().map(LifecycleRule::kind).toList());
    }

    @Timeout
    void tick() {
        Instant now = Instant.now();
        stats.ticked(now);
        boolean mine;
        try {
            mine = sweeps.mine("lifecycle", period);
        } catch (RuntimeException e) {
            // MongoDB out of reach: no instance can apply the rules now; the next tick asks again.
            LOG.warning("Lifecycle tick skipped: the sweep lease could not be read (" + e.getMessage() + "); retried on the next tick");
            mine = false;
        }
        stats.applyingRules(mine);
        if (!mine) {
            return;
        }
        for (LifecycleRule rule : rules) {
            try {
                stats.transitioned(rule.kind(), rule.apply(now));
            } catch (RuntimeException e) {
                // One failing rule must not stop the others nor the timer; the next tick tries again.
                LOG.log(Level.WARNING, "Lifecycle rule " + rule.kind() + " failed; retried on the next tick", e);
            }
        }
    }
}
