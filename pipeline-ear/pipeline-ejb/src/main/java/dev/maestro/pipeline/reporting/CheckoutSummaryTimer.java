package dev.maestro.pipeline.reporting;

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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, settles the checkouts whose summary is due ({@link SummaryDueRecords}), each
 * claimed first so that one instance looks at it. A pass that fails (database unreachable) leaves
 * its claim to lapse, and the checkout is looked at again then, by whichever instance claims it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CheckoutSummaryTimer {
    private static final Logger LOG = Logger.getLogger(CheckoutSummaryTimer.class.getName());
    /** Checkouts looked at per tick at most, so that a backlog does not hold one tick for long. */
    private static final int PER_TICK = 20;

    @Resource
    TimerService timerService;

    @Inject
    SummaryDueRecords due;

    @Inject
    CheckoutSummaries summaries;

    @Inject
    PipelineSettings settings;

    private final AtomicBoolean settling = new AtomicBoolean();

    @PostConstruct
    void start() {
        timerService.createIntervalTimer(1000, 1000, new TimerConfig("maestro-checkout-summaries", false));
    }

    @Timeout
    void tick() {
        if (!settling.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = 0; i < PER_TICK; i++) {
                Optional<SummaryDueRecords.Claim> claim = due.claim(settings.instanceId(), Instant.now());
                if (claim.isEmpty()) {
                    return;
                }
                settle(claim.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Due checkout summaries not claimed: " + e, e);
        } finally {
            settling.set(false);
        }
    }

    private void settle(SummaryDueRecords.Claim claim) {
        try {
            summaries.settle(claim.checkoutId());
            due.finish(claim, settings.instanceId(), Instant.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Summary of checkout " + claim.checkoutId() + " not settled (looked at again in "
                    + SummaryDueRecords.LEASE.toSeconds() + " s, when the claim lapses): " + e, e);
        }
    }
}
