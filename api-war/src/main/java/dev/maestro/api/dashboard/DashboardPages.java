package dev.maestro.api.dashboard;

import dev.maestro.api.dashboard.view.Templates;
import dev.maestro.error.MaestroException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Renders the dashboard's pages: the page's model with the scope they share (links relative to
 * where the API is deployed, the pipeline's address), as UTF-8 HTML. A client mistake (a bad id,
 * a malformed query) becomes an HTML page with the same status and detail the API would answer.
 */
@ApplicationScoped
public class DashboardPages {
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private final Templates templates = new Templates();

    @Inject
    @ConfigProperty(name = "MAESTRO_PIPELINE_URL")
    Optional<String> pipelineUrl;

    /** The dashboard's path, e.g. {@code /dashboard} (or {@code /api/dashboard} under a context root). */
    static String base(UriInfo uri) {
        return uri.getBaseUri().getPath() + "dashboard";
    }

    /** The pipeline's address: {@code MAESTRO_PIPELINE_URL}, or {@code /pipeline} on this server. */
    String pipeline(UriInfo uri) {
        String url = pipelineUrl.filter(u -> !u.isBlank()).orElseGet(() -> uri.getBaseUri().resolve("/pipeline").toString());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Response page(UriInfo uri, String template, String title, Supplier<Object> model) {
        try {
            return Response.ok(templates.render(template, model.get(), shared(uri, title)), HTML).build();
        } catch (MaestroException e) {
            return error(uri, e.status(), String.valueOf(e.detail()));
        }
    }

    Response error(UriInfo uri, int status, String message) {
        Map<String, Object> model = Map.of("status", status, "message", message);
        return Response.status(status).type(HTML).entity(templates.render("error", model, shared(uri, "Error " + status))).build();
    }

    private Map<String, Object> shared(UriInfo uri, String title) {
        Map<String, Object> shared = new LinkedHashMap<>();
        shared.put("base", base(uri));
        shared.put("root", uri.getBaseUri().getPath());
        shared.put("pipeline", pipeline(uri));
        shared.put("title", title);
        return shared;
    }
}
