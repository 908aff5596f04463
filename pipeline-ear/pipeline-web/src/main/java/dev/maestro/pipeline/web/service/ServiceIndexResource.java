package dev.maestro.pipeline.web.service;

import dev.maestro.json.Json;
import dev.maestro.pipeline.identity.ServiceCallers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /pipeline/} and {@code GET /pipeline/api/}: what the pipeline serves, for a person or
 * a client finding their way (KernelCI's callback service answers its root with a banner). No
 * token needed.
 */
@Path("/")
@RequestScoped
public class ServiceIndexResource {
    private static final List<Map<String, String>> ENDPOINTS = List.of(
            endpoint("POST", "/pipeline/api/checkout", "token + permission",
                    "a checkout of one commit of a configured tree and branch, optionally narrowed by jobfilter and platformfilter"),
            endpoint("POST", "/pipeline/api/jobretry", "token + permission", "run one job node again"),
            endpoint("POST", "/pipeline/api/patchset", "token + permission",
                    "test a patch series (patchurl or inline patch) on a checkout: a patchset node under it"),
            endpoint("GET", "/pipeline/stats", "none", "what this pipeline instance has done since it started"),
            endpoint("GET", "/pipeline/summary/{checkout id}", "none", "a checkout's results summary (JSON or HTML)"),
            endpoint("GET", "/pipeline/storage/{path}", "none", "stored artifacts"),
            endpoint("POST", "/pipeline/storage/upload", "storage token", "store artifacts"));

    @Inject
    ServiceCallers callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String root() {
        return index();
    }

    @GET
    @Path("api")
    @Produces(MediaType.APPLICATION_JSON)
    public String api() {
        return index();
    }

    private String index() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Maestro EE pipeline");
        body.put("authentication", "Authorization: an access token of this server (POST /latest/user/login), with or without"
                + " 'Bearer '; the user must be a superuser or in the group '" + callers.group() + "'");
        body.put("endpoints", ENDPOINTS);
        return Json.write(body);
    }

    private static Map<String, String> endpoint(String method, String path, String auth, String description) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("path", path);
        m.put("auth", auth);
        m.put("description", description);
        return m;
    }
}
