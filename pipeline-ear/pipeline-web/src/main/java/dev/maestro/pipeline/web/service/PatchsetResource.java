package dev.maestro.pipeline.web.service;

import dev.maestro.error.PayloadTooLargeException;
import dev.maestro.error.ValidationException;
import dev.maestro.json.Json;
import dev.maestro.node.Node;
import dev.maestro.node.NodeJson;
import dev.maestro.pipeline.patch.PatchsetOrigin;
import dev.maestro.pipeline.patchset.PatchSource;
import dev.maestro.pipeline.patchset.PatchsetRequest;
import dev.maestro.pipeline.patchset.PatchsetSubmissions;
import dev.maestro.store.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /pipeline/api/patchset}, KernelCI's contract: {@code {"nodeid": <checkout id>,
 * "patchurl": [urls…]}} or {@code {"nodeid": …, "patch": [inline patches…]}}, optionally
 * {@code jobfilter} and {@code platformfilter}; answers {@code {"message": "OK", "node": <the
 * patchset node>}}. The caller is a permitted service API user ({@link ServiceApi}); the series
 * is recorded as theirs ({@code submitter: user:<email>}). Bodies over
 * {@code MAESTRO_MAX_BODY_BYTES} are 413: long series go by URL.
 */
@Path("api/patchset")
@ServiceApi
@RequestScoped
public class PatchsetResource {

    @Inject
    PatchsetSubmissions submissions;

    @Inject
    @ConfigProperty(name = "MAESTRO_MAX_BODY_BYTES", defaultValue = "16777216")
    long maxBodyBytes;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String submit(InputStream body) {
        ServiceCaller caller = ServiceCaller.of(security);
        Map<String, Object> request = Json.parseObject(read(body));
        String nodeid = text(request, "nodeid");
        List<String> urls = strings(request, "patchurl");
        List<String> inline = strings(request, "patch");
        if (!urls.isEmpty() && !inline.isEmpty()) {
            throw ValidationException.of("value_error", "Send the series as patchurl or as patch, not both", "body");
        }
        if (urls.isEmpty() && inline.isEmpty()) {
            throw ValidationException.of("missing", "Missing patch URL or patch: give patchurl or patch", "body");
        }
        List<PatchSource> patches = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            patches.add(new PatchSource.Url(url(urls.get(i), i)));
        }
        inline.forEach(p -> patches.add(new PatchSource.Inline(p.getBytes(StandardCharsets.UTF_8))));
        PatchsetOrigin origin = PatchsetOrigin.submittedBy(caller.user().username(), caller.user().email());
        Node node = submissions.submit(new PatchsetRequest(Ids.parse(nodeid), patches, origin, caller.submitter(),
                strings(request, "jobfilter"), strings(request, "platformfilter")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "OK");
        answer.put("node", NodeJson.toJson(node));
        return Json.write(answer);
    }

    private String read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw new PayloadTooLargeException("Request body larger than " + maxBodyBytes
                        + " bytes (MAESTRO_MAX_BODY_BYTES): send long series as patchurl");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the request body", e);
        }
    }

    private static String text(Map<String, Object> request, String field) {
        if (request.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw ValidationException.of(request.containsKey(field) ? "string_type" : "missing",
                request.containsKey(field) ? "Input should be a valid string" : "Field required", "body", field);
    }

    private static List<String> strings(Map<String, Object> request, String field) {
        Object value = request.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw ValidationException.of("list_type", "Input should be a valid list", "body", field);
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isEmpty()) {
                throw ValidationException.of("string_type", "Input should be a non-empty string", "body", field, i);
            }
            strings.add(s);
        }
        return strings;
    }

    private static URI url(String text, int index) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw ValidationException.of("url_parsing", "Input should be an absolute URL", "body", "patchurl", index);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ValidationException.of("url_parsing", "Input should be a valid URL: " + e.getReason(), "body", "patchurl", index);
        }
    }
}
