package dev.maestro.pipeline.service;

import dev.maestro.error.NotFoundException;
import dev.maestro.node.Node;
import dev.maestro.pipeline.checkout.CustomCheckoutRequest;
import dev.maestro.pipeline.checkout.KernelRevision;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.trigger.Checkouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@code POST /pipeline/api/checkout}: a checkout of one commit of a configured tree and branch,
 * asked for by a user. The request is checked against the configuration in force
 * ({@link CustomCheckoutRequest}), the commit is fetched and described as the trigger does it
 * (so a commit the tree does not have is a 404 now, not a failed checkout later), and the
 * checkout is created by the trigger's own path ({@link Checkouts}), owned by the pipeline's user
 * so the configured scheduler entries apply, with {@code submitter=user:<e-mail>} and the
 * filters, which the scheduler honours for every job under it.
 */
@ApplicationScoped
public class CustomCheckouts {

    @Inject
    PipelineSettings settings;

    @Inject
    Checkouts checkouts;

    /** @param submitter KernelCI's {@code user:<e-mail>} of the caller */
    public Node create(Map<String, Object> body, String submitter) {
        PipelineConfig config = settings.config().orElseThrow(() -> new ServiceFailure(503,
                "The pipeline has no configuration (MAESTRO_PIPELINE_CONFIG): there are no trees to check out"));
        CustomCheckoutRequest request = CustomCheckoutRequest.read(body, config);
        KernelRevision revision;
        try {
            revision = checkouts.trigger().fetchedRevision(request.tree(), request.buildConfig(), request.commit())
                    .orElseThrow(() -> new NotFoundException("Commit " + request.commit() + " not found in tree "
                            + request.tree().name() + " (" + request.tree().url() + ")"));
        } catch (GitException e) {
            throw new ServiceFailure(502, "Cannot fetch tree " + request.tree().name() + ": " + e.getMessage());
        }
        return checkouts.create(revision, request.buildConfig(), node -> {
            node.submitter(submitter);
            if (!request.jobfilter().isEmpty()) {
                node.jobfilter(request.jobfilter());
            }
            return node.platformFilter(request.platformFilter());
        });
    }
}
