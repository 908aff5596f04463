package dev.maestro.pipeline.patchworkbridge;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.patchwork.SeriesPatch;
import dev.maestro.pipeline.patchwork.WebhookPayload;
import dev.maestro.pipeline.patchwork.WebhookPayloadException;
import dev.maestro.pipeline.patchwork.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Series pushed to {@code POST /pipeline/webhooks/patchwork}: the delivery's signature names its
 * project (the configured project whose webhook secret signs the body), the payload becomes a
 * series record like a polled one, and a delivery of a series recorded before adds nothing.
 */
@ApplicationScoped
public class WebhookIntake {
    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());

    /** What a delivery led to: the series record's id, and whether this delivery made it. */
    public record Accepted(String record, boolean created) {
    }

    @Inject
    PatchworkClients clients;

    @Inject
    SeriesRecords records;

    /** The project whose webhook secret signed {@code body}, if any did. */
    public Optional<PatchworkConfig> signer(byte[] body, String signature) {
        return clients.projects().values().stream()
                .filter(p -> clients.webhookSecret(p).map(s -> WebhookSignature.matches(s, body, signature)).orElse(false))
                .findFirst();
    }

    /** Records the delivered series. @throws WebhookPayloadException for a patch URL outside the allow-list */
    public Accepted accept(PatchworkConfig project, WebhookPayload payload) {
        for (SeriesPatch patch : payload.patches()) {
            if (!project.mayFetch(patch.mbox())) {
                throw new WebhookPayloadException("patch " + patch.id() + ": host " + patch.mbox().getHost()
                        + " is not among the allowed hosts of project " + project.name());
            }
        }
        boolean created = records.add(project.name(), payload.deliveryKey(), "webhook", payload.name(), payload.webUrl(),
                Optional.empty(), payload.submitter(), payload.patches());
        String record = project.name() + "/" + payload.deliveryKey();
        LOG.info("Patchwork webhook for " + project.name() + ": " + (created ? "series recorded as " : "already recorded: ") + record);
        return new Accepted(record, created);
    }
}
