package dev.maestro.pipeline.web;

import dev.maestro.json.Json;
import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.pipeline.patchwork.WebhookPayload;
import dev.maestro.pipeline.patchwork.WebhookPayloadException;
import dev.maestro.pipeline.patchwork.WebhookSignature;
import dev.maestro.pipeline.patchworkbridge.WebhookIntake;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /pipeline/webhooks/patchwork}: a series pushed by a Patchwork instance (the RFC's
 * payload, see {@link WebhookPayload}), signed with {@value WebhookSignature#HEADER}: {@code
 * sha256=<HMAC-SHA256 of the body>} under a project's webhook secret. 401 when no configured
 * secret signs the body, 422 for a payload that is not the RFC's (or names a host outside the
 * allow-list), 202 with the series record when it is new, 200 when it was delivered before.
 */
@Path("webhooks/patchwork")
@RequestScoped
public class PatchworkWebhookResource {

    @Inject
    WebhookIntake intake;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliver(byte[] body, @HeaderParam(WebhookSignature.HEADER) String signature) {
        Optional<PatchworkConfig> project = intake.signer(body, signature);
        if (project.isEmpty()) {
            return DetailResponses.detail(401, "Missing or wrong " + WebhookSignature.HEADER
                    + " (expected sha256=<HMAC-SHA256 of the body under a configured project's webhook secret>)");
        }
        try {
            WebhookIntake.Accepted accepted = intake.accept(project.get(), WebhookPayload.parse(body));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("project", project.get().name());
            answer.put("series", accepted.record());
            answer.put("created", accepted.created());
            return Response.status(accepted.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                    .entity(Json.write(answer)).type(MediaType.APPLICATION_JSON_TYPE).build();
        } catch (WebhookPayloadException e) {
            return DetailResponses.detail(422, e.getMessage());
        }
    }
}
