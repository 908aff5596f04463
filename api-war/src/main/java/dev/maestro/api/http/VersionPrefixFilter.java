package dev.maestro.api.http;

import dev.maestro.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves every route both unversioned and under {@code /latest} (KernelCI's clients use
 * {@code /latest}); {@code /v0} is accepted as an alias as upstream does, any other
 * {@code /vN} is a 400 naming the version.
 */
@Provider
@PreMatching
public class VersionPrefixFilter implements ContainerRequestFilter {
    private static final Pattern VERSIONED = Pattern.compile("^/?(latest|v[0-9.]+)(/.*)?$");

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        Matcher m = VERSIONED.matcher(path);
        if (!m.matches()) {
            return;
        }
        String version = m.group(1);
        if (!"latest".equals(version) && !"v0".equals(version)) {
            ctx.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Json.write(Map.of("detail", "Unsupported API version: " + version))).build());
            return;
        }
        String rest = m.group(2) == null ? "/" : m.group(2);
        URI base = ctx.getUriInfo().getBaseUri();
        URI rewritten = UriBuilder.fromUri(base).path(rest)
                .replaceQuery(ctx.getUriInfo().getRequestUri().getRawQuery()).build();
        ctx.setRequestUri(base, rewritten);
    }
}
