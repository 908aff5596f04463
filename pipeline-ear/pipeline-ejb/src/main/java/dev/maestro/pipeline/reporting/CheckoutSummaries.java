package dev.maestro.pipeline.reporting;

import dev.maestro.pipeline.config.ReportConfig;
import dev.maestro.pipeline.results.PatchsetSubmitter;
import dev.maestro.pipeline.results.RegressionRule;
import dev.maestro.pipeline.results.ReportLinks;
import dev.maestro.pipeline.results.ReportMail;
import dev.maestro.pipeline.results.ReportRenderer;
import dev.maestro.pipeline.results.SummaryCounter;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checkout summaries: computed and recorded once, when the checkout and every node under it are
 * done, every result under it has been through regression tracking and no job waits for its
 * retry (looked at by {@link CheckoutSummaryTimer}, once a second at most per checkout however
 * many results settle); the report mail is rendered at the same moment, for the {@code reports}
 * entries that cover the checkout's tree and branch (their recipients together, the first one's
 * subject; for a patchset from a Patchwork project with {@code mail_submitter}, also the series'
 * submitter). Until then a summary can still be looked at, computed on the spot and marked
 * incomplete.
 */
@ApplicationScoped
public class CheckoutSummaries {
    private static final Logger LOG = Logger.getLogger(CheckoutSummaries.class.getName());

    @Inject
    ResultQueries queries;

    @Inject
    TrackingRecords tracking;

    @Inject
    ReportRecords reports;

    @Inject
    SummaryDueRecords due;

    @Inject
    PipelineSettings settings;


    /** Where readers reach the pipeline's pages; by default the API's address plus {@code /pipeline}. */
    @Inject
    @ConfigProperty(name = "MAESTRO_PIPELINE_URL")
    Optional<String> pipelineUrl;

    private ReportRenderer renderer;
    private ReportLinks links;

    @PostConstruct
    void init() {
        renderer = new ReportRenderer();
        links = new ReportLinks(settings.apiUrl(), pipelineUrl.orElse(settings.apiUrl().replaceAll("/+$", "") + "/pipeline"));
    }

    /**
     * Called once {@code node}'s result is tracked: marks its checkout's summary due
     * ({@link SummaryDueRecords}), for {@link CheckoutSummaryTimer} to settle. A checkout that is
     * not done yet cannot be complete: it is marked when it settles itself.
     */
    public void nodeSettled(Map<String, Object> node) {
        Optional<Map<String, Object>> checkout = queries.ancestorOfKind(node, "checkout");
        if (checkout.isPresent() && "done".equals(checkout.get().get("state")) && reports.find(id(checkout.get())).isEmpty()) {
            due.mark(id(checkout.get()));
        }
    }

    /**
     * Records the summary of the checkout {@code checkoutId} if it is now complete, with its
     * report mail rendered; nothing if it is not, or was recorded before.
     */
    public void settle(String checkoutId) {
        Optional<Map<String, Object>> checkout = queries.node(checkoutId)
                .filter(n -> "checkout".equals(n.get("kind")) && "done".equals(n.get("state")));
        if (checkout.isEmpty() || reports.find(checkoutId).isPresent()) {
            return;
        }
        Map<String, Object> summary = compute(checkout.get());
        if (!Boolean.TRUE.equals(summary.get("complete"))) {
            return;
        }
        List<ReportConfig> entries = settings.config()
                .map(c -> c.reportsFor(String.valueOf(summary.get("tree")), String.valueOf(summary.get("branch"))))
                .orElse(List.of());
        Set<String> to = new LinkedHashSet<>();
        entries.forEach(e -> to.addAll(e.to()));
        if (!entries.isEmpty()) {
            settings.config().flatMap(c -> PatchsetSubmitter.optedIn(checkout.get(), c)).ifPresent(to::add);
        }
        Optional<ReportMail> mail = entries.stream().findFirst().map(e -> renderer.mail(e, summary));
        if (reports.create(checkoutId, summary, List.copyOf(to), mail)) {
            LOG.info("Summary of checkout " + checkoutId + ": " + summary.get("builds") + " builds, " + summary.get("tests")
                    + " tests, " + summary.get("new_regression_count") + " new regressions"
                    + (to.isEmpty() ? "; no report covers it" : "; report to " + to));
        }
    }

    /**
     * The summary of a checkout, with {@code complete} and, once recorded, its {@code report}
     * delivery state; empty when {@code checkoutId} is not a checkout.
     */
    public Optional<Map<String, Object>> view(String checkoutId) {
        Optional<Map<String, Object>> checkout = queries.node(checkoutId).filter(n -> "checkout".equals(n.get("kind")));
        if (checkout.isEmpty()) {
            return Optional.empty();
        }
        Optional<Document> record = reports.find(checkoutId);
        if (record.isEmpty()) {
            return Optional.of(compute(checkout.get()));
        }
        Map<String, Object> summary = new LinkedHashMap<>(record.get().get("summary", Document.class));
        Document mail = record.get().get("mail", Document.class);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("state", mail.getString("state"));
        report.put("to", mail.get("to"));
        report.put("subject", mail.getString("subject"));
        report.put("attempts", mail.get("attempts"));
        report.put("last_error", mail.getString("last_error"));
        summary.put("report", report);
        return Optional.of(summary);
    }

    /** The summary as an HTML page. */
    public String page(Map<String, Object> summary) {
        return renderer.page(summary);
    }

    private Map<String, Object> compute(Map<String, Object> checkout) {
        List<Map<String, Object>> descendants = queries.descendants(id(checkout));
        List<String> toTrack = descendants.stream().filter(RegressionRule::tracked).map(CheckoutSummaries::id).toList();
        boolean complete = SummaryCounter.complete(checkout, descendants, Instant.now())
                && tracking.tracked(toTrack).size() == toTrack.size();
        Map<String, Object> revision = revision(checkout);
        List<Map<String, Object>> regressions = queries.regressionsOf((String) revision.get("tree"), (String) revision.get("branch"));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("complete", complete);
        summary.putAll(SummaryCounter.summarize(checkout, descendants, regressions, links));
        return summary;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> revision(Map<String, Object> checkout) {
        Object data = checkout.get("data");
        Object revision = data instanceof Map<?, ?> d ? d.get("kernel_revision") : null;
        return revision instanceof Map<?, ?> r ? (Map<String, Object>) r : Map.of();
    }

    private static String id(Map<String, Object> node) {
        return String.valueOf(node.get("id"));
    }
}
