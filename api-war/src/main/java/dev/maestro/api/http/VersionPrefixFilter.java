package dev.maestro.api.http;

import dev.maestro.json.Json;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves every route both unversioned and under {@code /latest} (KernelCI's clients use
 * {@code /latest}); {@code /v0} is accepted as an alias as upstream does, any other
 * {@code /vN} is a 400 naming the version.
 *
 * <p>The rest of the path is carried over as the client encoded it, by plain string joining:
 * a URI builder would read braces in it ({@code /node/{"$ne":null}}) as template variables.
 */
@Provider
@PreMatching
public class VersionPrefixFilter implements ContainerRequestFilter {
    /** The versions served: KernelCI's {@code latest} and its alias {@code v0}. */
    public static final List<String> SERVED = List.of("latest", "v0");
    private static final Pattern VERSIONED = Pattern.compile("^/?(latest|v[0-9.]+)(/.*)?$");

    @Override
    public void filter(ContainerRequestContext ctx) {
        Matcher m = VERSIONED.matcher(ctx.getUriInfo().getPath(false));
        if (!m.matches()) {
            return;
        }
        String version = m.group(1);
        if (!SERVED.contains(version)) {
            ctx.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(Json.write(Map.of("detail", "Unsupported API version: " + version))).build());
            return;
        }
        String rest = m.group(2) == null ? "/" : m.group(2);
        URI base = ctx.getUriInfo().getBaseUri();
        String query = ctx.getUriInfo().getRequestUri().getRawQuery();
        String prefix = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        ctx.setRequestUri(base, URI.create(prefix + rest + (query == null ? "" : "?" + query)));
    }
}
