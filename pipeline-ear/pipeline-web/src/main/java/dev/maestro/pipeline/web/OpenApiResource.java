package dev.maestro.pipeline.web;

import dev.maestro.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code GET /pipeline/openapi}: the pipeline's own OpenAPI document, written by hand next to
 * the code ({@code openapi.yaml} in this package) because the server's MicroProfile OpenAPI
 * document describes one application per server, the API. YAML by default, JSON with
 * {@code ?format=json} or when the client accepts JSON and not YAML, as MicroProfile OpenAPI
 * answers. {@code PipelineOpenApiTest} keeps it in step with the resources.
 */
@Path("openapi")
public class OpenApiResource {
    static final String DOCUMENT = "openapi.yaml";
    private static final MediaType YAML = new MediaType("application", "yaml");
    static final String TEXT = read();
    /** The same document as JSON, converted once: it never changes while the server runs. */
    private static final String JSON = Json.write(parsed());

    @GET
    public Response document(@QueryParam("format") String format, @Context HttpHeaders headers) {
        boolean json = "json".equalsIgnoreCase(format) || format == null && prefersJson(headers);
        if (json) {
            return Response.ok(JSON, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(TEXT, YAML.withCharset("utf-8")).build();
    }

    /** The document as maps and lists. */
    static Map<String, Object> parsed() {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(TEXT);
    }

    private static boolean prefersJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(YAML) && !type.isWildcardType()) {
                return false;
            }
            if (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private static String read() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the pipeline web module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
