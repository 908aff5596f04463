package dev.maestro.pipeline.patchworkbridge;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.patchwork.CheckVerdicts;
import dev.maestro.pipeline.patchwork.PatchworkCheck;
import dev.maestro.pipeline.patchwork.PatchworkClient;
import dev.maestro.pipeline.reporting.ReportRecords;
import dev.maestro.pipeline.reporting.ResultQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Reports tested series back: once a patchset's summary is recorded (the checkout-complete rule
 * of the summaries, the same moment its report mail is made), the series' checks are decided and
 * stored, then posted one by one, each marked posted right after Patchwork's answer. A post that
 * fails (Patchwork unreachable, 5xx) leaves the rest for a later attempt, after a delay that
 * doubles up to an hour; the record waits in MongoDB meanwhile, whichever instance
 * posts in the end. Only a crash between Patchwork's answer and the record of it can post a
 * check twice.
 */
@ApplicationScoped
public class CheckReporter {
    private static final Logger LOG = Logger.getLogger(CheckReporter.class.getName());
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1));

    @Inject
    SeriesRecords records;

    @Inject
    ReportRecords reports;

    @Inject
    ResultQueries queries;

    @Inject
    PatchworkClients clients;

    /** Decides the checks of every tested series whose patchset's summary is in. */
    public void decideComplete() {
        for (Document record : records.testing(100)) {
            String patchset = record.getString("patchset");
            Optional<Document> report = reports.find(patchset);
            if (report.isEmpty()) {
                continue;
            }
            Map<String, Object> node = queries.node(patchset).orElse(Map.of());
            Object data = node.get("data");
            Object error = data instanceof Map<?, ?> d ? d.get("error_msg") : null;
            List<PatchworkCheck> checks = CheckVerdicts.of(report.get().get("summary", Document.class),
                    String.valueOf(node.get("result")), error == null ? null : String.valueOf(error));
            boolean post = clients.project(record.getString("project")).map(PatchworkConfig::reportChecks).orElse(false);
            if (records.decide(record.getString("_id"), "testing", checks, SeriesRecords.patchIds(record), post)) {
                LOG.info("Patchwork series " + record.getString("_id") + ": " + checks.stream()
                        .map(c -> c.context() + "=" + c.state()).toList() + (post ? ", to post" : ", not reported (report_checks off)"));
            }
        }
    }

    /** Posts the checks of one due series, if there is one; false when none was due. */
    public boolean postOne(String instance) {
        Optional<Document> claimed = records.claim("reporting", "posting", instance, Instant.now());
        if (claimed.isEmpty()) {
            return false;
        }
        Document record = claimed.get();
        String id = record.getString("_id");
        Optional<PatchworkConfig> project = clients.project(record.getString("project"));
        List<Document> checks = record.getList("checks", Document.class);
        try {
            PatchworkClient client = clients.client(project.orElseThrow(() -> new IllegalStateException("project no longer configured")));
            for (int i = 0; i < checks.size(); i++) {
                Document check = checks.get(i);
                if (check.getBoolean("posted", false)) {
                    continue;
                }
                client.postCheck(((Number) check.get("patch")).longValue(), new PatchworkCheck(check.getString("state"),
                        check.getString("context"), check.getString("description"), check.getString("target_url")));
                records.posted(id, instance, i);
            }
            records.reported(id, instance);
            LOG.info("Patchwork series " + id + ": " + checks.size() + " checks posted");
        } catch (RuntimeException e) {
            int attempts = record.getInteger("attempts", 0) + 1;
            Duration delay = BACKOFF.after(attempts);
            records.retryLater(id, "posting", "reporting", instance, String.valueOf(e.getMessage()), Instant.now().plus(delay));
            LOG.warning("Patchwork series " + id + ": checks not all posted (attempt " + attempts + "): " + e.getMessage()
                    + "; trying again in " + delay.toSeconds() + " s");
        }
        return true;
    }
}
