package dev.maestro.pipeline.patchworkbridge;

import dev.maestro.error.BadRequestException;
import dev.maestro.node.Node;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.patchwork.CheckVerdicts;
import dev.maestro.pipeline.patchwork.DisallowedHostException;
import dev.maestro.pipeline.patchwork.Mbox;
import dev.maestro.pipeline.patchwork.PatchworkCheck;
import dev.maestro.pipeline.patch.PatchsetOrigin;
import dev.maestro.pipeline.patchset.PatchSource;
import dev.maestro.pipeline.patchset.PatchsetRequest;
import dev.maestro.pipeline.patchset.PatchsetSubmissions;
import dev.maestro.pipeline.patchwork.PatchworkClient;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.trigger.TriggerTimer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Turns a recorded series into a patchset: downloads its mbox (the series' own, or each patch's),
 * splits it, finds the base checkout (the mbox's {@code base-commit}, else the branch head of the
 * project's build config; made through the trigger when there is none yet) and submits the
 * patchset through the patchset service. What cannot succeed by waiting (a host not allowed, no
 * patch in the mbox, a patch the patchset service refuses, the base still unknown after {@value #MAX_ATTEMPTS} attempts) ends the series with {@code fail} checks
 * saying why; the rest is tried again after a delay that doubles up to {@link #MAX_DELAY}.
 */
@ApplicationScoped
public class SeriesSubmitter {
    private static final Logger LOG = Logger.getLogger(SeriesSubmitter.class.getName());
    static final int MAX_ATTEMPTS = 8;
    private static final Duration MAX_DELAY = Duration.ofMinutes(10);
    /** A project taken out of the configuration may come back (an edit in progress): its series wait, briefly. */
    private static final Duration UNCONFIGURED_RETRY = Duration.ofSeconds(30);
    /** The patchset node's {@code submitter}: a bridge, as the patchset service names them. */
    static final String SUBMITTER = "service:patchwork";
    private static final String SERIES_KEY = "series:";
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), MAX_DELAY);

    @Inject
    SeriesRecords records;

    @Inject
    PatchworkClients clients;

    @Inject
    PipelineSettings settings;

    @Inject
    TriggerTimer trigger;

    @Inject
    PatchsetSubmissions patchsets;

    /** Submits one due series, if there is one; false when none was due. */
    public boolean submitOne(String instance) {
        Optional<Document> claimed = records.claim("new", "submitting", instance, Instant.now());
        if (claimed.isEmpty()) {
            return false;
        }
        Document record = claimed.get();
        String id = record.getString("_id");
        Optional<PatchworkConfig> project = clients.project(record.getString("project"));
        if (project.isEmpty()) {
            records.retryLater(id, "submitting", "new", instance, "project no longer configured", Instant.now().plus(UNCONFIGURED_RETRY));
            return true;
        }
        try {
            submit(record, project.get(), instance);
        } catch (DisallowedHostException | UnusableSeriesException e) {
            reject(record, project.get(), e.getMessage());
        } catch (RuntimeException e) {
            int attempts = record.getInteger("attempts", 0) + 1;
            if (attempts >= MAX_ATTEMPTS) {
                reject(record, project.get(), "not submitted after " + attempts + " attempts: " + e.getMessage());
            } else {
                Duration delay = BACKOFF.after(attempts);
                records.retryLater(id, "submitting", "new", instance, String.valueOf(e.getMessage()), Instant.now().plus(delay));
                LOG.warning("Patchwork series " + id + " not submitted (attempt " + attempts + "): " + e.getMessage()
                        + "; trying again in " + delay.toSeconds() + " s");
            }
        }
        return true;
    }

    private void submit(Document record, PatchworkConfig project, String instance) {
        PatchworkClient client = clients.client(project);
        Mbox mbox = Mbox.parse(download(client, record));
        if (mbox.patches().isEmpty()) {
            throw new UnusableSeriesException("the series' mbox holds no patch");
        }
        BuildConfig buildConfig = settings.config().map(c -> c.buildConfigs().get(project.buildConfig()))
                .orElseThrow(() -> new IllegalStateException("build config " + project.buildConfig() + " is gone"));
        Optional<Node> base = trigger.checkoutFor(buildConfig, mbox.baseCommit());
        if (base.isEmpty()) {
            throw new IllegalStateException("no checkout of " + mbox.baseCommit().orElse("the head of " + buildConfig.branch())
                    + " yet");
        }
        List<PatchSource> patches = mbox.patches().stream()
                .map(p -> (PatchSource) new PatchSource.Inline(p.getBytes(StandardCharsets.UTF_8))).toList();
        String patchset;
        try {
            patchset = patchsets.submit(new PatchsetRequest(base.get().id(), patches, origin(record, project), SUBMITTER,
                    project.jobfilter(), List.of()))
                    .id().toHexString();
        } catch (BadRequestException e) {
            throw new UnusableSeriesException(e.getMessage());
        }
        records.submitted(record.getString("_id"), instance, patchset, base.get().id().toHexString());
        LOG.info("Patchwork series " + record.getString("_id") + ": patchset " + patchset + " on checkout " + base.get().id()
                + " (" + mbox.patches().size() + " patches)");
    }

    private byte[] download(PatchworkClient client, Document record) {
        if (record.getString("mbox") != null) {
            return client.download(URI.create(record.getString("mbox")));
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Document patch : record.getList("patches", Document.class)) {
            all.writeBytes(client.download(URI.create(patch.getString("mbox"))));
        }
        return all.toByteArray();
    }

    /** Who sent the series and where it is in Patchwork: the patchset node's {@code data.patchset}. */
    private static PatchsetOrigin origin(Document record, PatchworkConfig project) {
        Document submitter = record.get("submitter", Document.class);
        String key = record.getString("key");
        long seriesId = key.startsWith(SERIES_KEY) ? Long.parseLong(key.substring(SERIES_KEY.length())) : 0;
        List<String> patchUrls = record.getList("patches", Document.class).stream()
                .map(p -> p.getString("web_url") == null ? "" : p.getString("web_url")).toList();
        return new PatchsetOrigin(submitter.getString("name"), submitter.getString("email"), project.name(),
                Optional.of(new PatchsetOrigin.PatchworkSeries(project.url().toString(), seriesId,
                        record.getString("web_url") == null ? "" : record.getString("web_url"), SeriesRecords.patchIds(record), patchUrls)));
    }

    private void reject(Document record, PatchworkConfig project, String reason) {
        List<PatchworkCheck> checks = List.of(new PatchworkCheck("fail", CheckVerdicts.APPLY, reason,
                seriesPage(record, project)));
        records.decide(record.getString("_id"), "submitting", checks, SeriesRecords.patchIds(record), project.reportChecks());
        LOG.warning("Patchwork series " + record.getString("_id") + " refused: " + reason);
    }

    /** Where a refused series' checks point: its page in Patchwork (there is no summary to show). */
    private static String seriesPage(Document record, PatchworkConfig project) {
        if (record.getString("web_url") != null) {
            return record.getString("web_url");
        }
        return record.getList("patches", Document.class).stream().map(p -> p.getString("web_url")).filter(u -> u != null)
                .findFirst().orElse(project.url().toString());
    }
}
