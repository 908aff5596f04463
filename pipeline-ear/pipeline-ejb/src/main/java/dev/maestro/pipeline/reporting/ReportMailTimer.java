package dev.maestro.pipeline.reporting;

import dev.maestro.mail.Mailer;
import dev.maestro.settings.SharedSettings;
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
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second, sends the report mails that are due, each claimed first by compare-and-set in
 * {@link ReportRecords} so that one instance sends it. A delivery that fails (mail server down,
 * refused) is tried again after a delay that doubles from {@code MAESTRO_REPORT_RETRY_SECONDS}
 * (default 30) up to an hour; the report waits in MongoDB meanwhile, whichever instance sends it
 * in the end. Mail goes through KernelCI's SMTP settings ({@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code EMAIL_SENDER}, {@code EMAIL_PASSWORD}); without them reports stay pending.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReportMailTimer {
    private static final Logger LOG = Logger.getLogger(ReportMailTimer.class.getName());
    private static final Duration MAX_DELAY = Duration.ofHours(1);
    /** Mails sent per tick at most, so that a backlog does not hold one tick for long. */
    private static final int PER_TICK = 20;

    @Resource
    TimerService timerService;

    @Inject
    ReportRecords reports;

    @Inject
    PipelineSettings pipelineSettings;

    @Inject
    @ConfigProperty(name = "MAESTRO_REPORT_RETRY_SECONDS", defaultValue = "30")
    long retrySeconds;

    /** The SMTP server, as the API has it. */
    @Inject
    SharedSettings settings;

    private final AtomicBoolean sending = new AtomicBoolean();
    private Mailer mailer;

    @PostConstruct
    void start() {
        if (settings.mail().isEmpty()) {
            LOG.info("SMTP_HOST or EMAIL_SENDER is not set: report mails wait until the pipeline has both");
            return;
        }
        mailer = new Mailer(settings.mail().get());
        timerService.createIntervalTimer(1000, 1000, new TimerConfig("maestro-report-mail", false));
    }

    @Timeout
    void tick() {
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int i = 0; i < PER_TICK; i++) {
                Optional<Document> due = reports.claimDue(pipelineSettings.instanceId(), Instant.now());
                if (due.isEmpty()) {
                    return;
                }
                send(due.get());
            }
        } finally {
            sending.set(false);
        }
    }

    private void send(Document report) {
        String checkoutId = report.getString("_id");
        Document mail = report.get("mail", Document.class);
        String to = String.join(", ", mail.getList("to", String.class, List.of()));
        try {
            mailer.sendAlternative(to, mail.getString("subject"), mail.getString("text"), mail.getString("html"));
            reports.sent(checkoutId, pipelineSettings.instanceId());
            LOG.info("Report of checkout " + checkoutId + " sent to " + to + ": " + mail.getString("subject"));
        } catch (MessagingException | RuntimeException e) {
            int attempts = mail.getInteger("attempts", 0) + 1;
            Duration delay = delay(attempts);
            reports.failed(checkoutId, pipelineSettings.instanceId(), String.valueOf(e.getMessage()), Instant.now().plus(delay));
            LOG.warning("Report of checkout " + checkoutId + " not sent (attempt " + attempts + "): " + e.getMessage()
                    + "; trying again in " + delay.toSeconds() + " s");
        }
    }

    private Duration delay(int attempts) {
        Duration delay = Duration.ofSeconds(Math.max(1, retrySeconds)).multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
