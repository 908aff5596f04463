package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiResponse;
import org.junit.jupiter.api.Test;

/** The root document, version prefixes, plain HTTP errors and the OpenAPI document. */
public interface RootContract extends ApiContract {

    @Test
    default void rootAnswersJsonHelloUnversionedAndUnderLatest() {
        for (String path : new String[] {"/", "/latest/", "/latest"}) {
            ApiResponse r = api().get(path);
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.map()).containsEntry("message", "KernelCI API").containsKey("version");
        }
    }

    @Test
    default void unsupportedVersionPrefixIs400WithDetail() {
        ApiResponse r = api().get("/v1/whoami");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).isEqualTo("Unsupported API version: v1");
    }

    @Test
    default void unknownRouteAndWrongMethodAnswerJsonDetail() {
        ApiResponse missing = api().get("/latest/no-such-route");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("Not Found");
        ApiResponse method = api().delete("/latest/whoami");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.detail()).isEqualTo("Method Not Allowed");
    }

    @Test
    default void openApiDocumentIsServed() {
        ApiResponse r = api().send("GET", "/openapi", null, "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("/user/login").contains("/whoami");
    }

    @Test
    default void openApiJsonUnderLatestLeadsToTheJsonDocument() {
        ApiResponse r = api().get("/latest/openapi.json");
        assertThat(r.status()).isEqualTo(307);
        String location = r.location();
        assertThat(location).endsWith("/openapi?format=json");
        ApiResponse doc = api().get(location.substring(location.indexOf("/openapi")));
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.map()).containsKey("paths");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> paths = (java.util.Map<String, Object>) doc.map().get("paths");
        assertThat(paths).containsKeys("/node", "/nodes", "/subscribe/{channel}", "/user/login");
    }
}
