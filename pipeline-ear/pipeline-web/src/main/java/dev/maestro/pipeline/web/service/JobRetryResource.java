package dev.maestro.pipeline.web.service;

import dev.maestro.json.Json;
import dev.maestro.pipeline.service.ManualJobRetries;
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
 * {@code POST /pipeline/api/jobretry}: runs one job node again, as {@code kci-dev testretry}
 * asks; answers 200 {@code {"message": "OK"}} as KernelCI does, plus where the new attempt will
 * appear ({@code parent}, {@code retry_counter}).
 */
@Path("api/jobretry")
@RequestScoped
@ServiceApi
public class JobRetryResource {

    @Inject
    ManualJobRetries retries;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public String retry(String body, @Context SecurityContext security) {
        Map<String, Object> request = retries.retry(Json.parseObject(body), ServiceCaller.of(security).getName());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "OK");
        answer.put("parent", request.get("id"));
        answer.put("retry_counter", request.get("retry_counter"));
        return Json.write(answer);
    }
}
