package dev.maestro.pipeline.web.service;

import dev.maestro.json.Json;
import dev.maestro.node.Node;
import dev.maestro.node.NodeJson;
import dev.maestro.pipeline.service.CustomCheckouts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /pipeline/api/checkout}: KernelCI's custom checkout, as {@code kci-dev checkout}
 * sends it; answers 200 {@code {"message": "OK", "node": <the checkout>}}, whose {@code treeid}
 * the client then follows through the API's node queries.
 */
@Path("api/checkout")
@RequestScoped
@ServiceApi
public class CheckoutResource {

    @Inject
    CustomCheckouts checkouts;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String checkout(String body, @Context SecurityContext security) {
        Node checkout = checkouts.create(Json.parseObject(body), ServiceCaller.of(security).submitter());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "OK");
        answer.put("node", NodeJson.toJson(checkout));
        return Json.write(answer);
    }
}
