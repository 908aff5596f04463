package dev.maestro.pipeline.web;

import dev.maestro.json.Json;
import dev.maestro.pipeline.callback.CallbackReply;
import dev.maestro.pipeline.callback.LavaCallbackReceiver;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /pipeline/callback/lava/{node id}}: where a LAVA job's {@code notify} callback
 * lands (the LAVA runtime writes this URL into each job definition). The body is read here so
 * that one which is not a JSON object gets a 400 {@code {"detail": …}} like every other error;
 * the rest is {@link LavaCallbackReceiver}'s.
 */
@Path("callback/lava/{id}")
@RequestScoped
public class LavaCallbackResource {

    @Inject
    LavaCallbackReceiver receiver;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response callback(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             String body) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(body == null ? "" : body);
        } catch (RuntimeException e) {
            return DetailResponses.detail(400, "The body must be LAVA's callback as a JSON object");
        }
        CallbackReply reply = receiver.receive(id, authorization, json);
        return Response.status(reply.status()).entity(Json.write(reply.body())).type(MediaType.APPLICATION_JSON).build();
    }
}
