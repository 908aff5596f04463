package dev.maestro.it.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.maestro.json.Json;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Checks every answer the API suite receives against the OpenAPI document the server serves
 * (Atlassian's swagger-request-validator): an undocumented status, or a body that does not
 * match the documented schema, fails the test that received it. Only what cannot be
 * documented is let through: routes that do not exist and methods a route does not take.
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

    /** The validator for the document served at {@code base + /openapi}. */
    public static OpenApiConformance servedAt(String base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/openapi?format=json"))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /openapi answered " + r.statusCode());
            }
            // Payara adds a root key of its own, "endpoints" (the routes of each application),
            // that OpenAPI 3.0 does not have and the validator's parser refuses.
            Map<String, Object> document = Json.parseObject(r.body());
            document.remove("endpoints");
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
