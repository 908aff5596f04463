package dev.maestro.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.maestro.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Checks every answer a suite receives against the OpenAPI document the server serves
 * (Atlassian's swagger-request-validator): an undocumented status, or a body that does not
 * match the documented schema, fails the test that received it. Only what cannot be
 * documented is let through: routes that do not exist and methods a route does not take.
 * Used for the API's document ({@code /openapi}, src-it) and the pipeline's
 * ({@code /pipeline/openapi}, system-it); a module that uses it declares the validator itself
 * (an optional dependency here, so that other test classpaths stay free of it).
 */
public final class OpenApiConformance implements ApiClient.Observer {
    private final OpenApiInteractionValidator validator;

    private OpenApiConformance(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The validator for the API's document, served at {@code base + /openapi}. */
    public static OpenApiConformance servedAt(String base) {
        return of(base + "/openapi?format=json");
    }

    /**
     * The validator for the document at {@code documentUrl}, for a client whose paths are those
     * of the document (its {@code servers} are left out: the client's base is the server's).
     */
    public static OpenApiConformance of(String documentUrl) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(documentUrl))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + documentUrl + " answered " + r.statusCode());
            }
            // Payara adds a root key of its own, "endpoints" (the routes of each application),
            // that OpenAPI 3.0 does not have and the validator's parser refuses.
            Map<String, Object> document = Json.parseObject(r.body());
            document.remove("endpoints");
            document.remove("servers");
            return new OpenApiConformance(Json.write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void exchanged(String method, String path, ApiResponse response) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (bare.startsWith("/openapi")) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        if (!response.contentType().isEmpty()) {
            answer.withContentType(response.contentType());
        }
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(bare, Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            throw new AssertionError(method + " " + path + " → " + response.status() + " " + response.body()
                    + "\ndoes not conform to the served OpenAPI document:\n" + SimpleValidationReportFormat.getInstance().apply(report));
        }
    }
}
