package dev.maestro.api.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /dashboard/static/{file}}: the dashboard's stylesheet and script, from the classpath.
 * Only the files named here are served; the JAX-RS application owns every path of the WAR, so
 * the container's default servlet never sees these.
 */
@Path("dashboard/static/{file}")
public class DashboardAssets {
    private static final Map<String, String> FILES = Map.of(
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8");

    @GET
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            return Response.status(404).build();
        }
        try (InputStream in = DashboardAssets.class.getResourceAsStream("static/" + file)) {
            if (in == null) {
                return Response.status(404).build();
            }
            CacheControl cache = new CacheControl();
            cache.setMaxAge(300);
            return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
