package dev.maestro.pipeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's hand-written OpenAPI document is valid OpenAPI 3.0 and lists exactly the
 * operations the pipeline's JAX-RS resources serve (plus the storage servlet's, which are not
 * JAX-RS): a resource added without documenting it, or a documented operation that no longer
 * exists, fails here. Response shapes are checked against the document by system-it, which
 * validates every answer of the pipeline it receives.
 */
class PipelineOpenApiTest {
    /** Served by the storage servlet, not by JAX-RS. */
    private static final Set<String> SERVLET_OPERATIONS = Set.of("POST /storage/upload", "GET /storage/{path}",
            "HEAD /storage/{path}");

    @Test
    void theDocumentIsValidOpenApi() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiResource.TEXT);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void theDocumentListsExactlyTheOperationsServed() {
        Set<String> served = new TreeSet<>(SERVLET_OPERATIONS);
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.maestro.pipeline.web")) {
            if (!resource.isAnnotatedWith(Path.class)) {
                continue;
            }
            String base = template(resource.getAnnotationOfType(Path.class).value());
            for (JavaMethod method : resource.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    String sub = method.isAnnotatedWith(Path.class) ? template(method.getAnnotationOfType(Path.class).value()) : "";
                    served.add(verb + " " + join(base, sub));
                }
            }
        }
        assertThat(documented()).isEqualTo(served);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        Map<String, Object> paths = (Map<String, Object>) OpenApiResource.parsed().get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
                .filter(k -> Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(k))
                .forEach(verb -> operations.add(verb.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    private static String httpMethod(JavaMethod method) {
        return method.getAnnotations().stream()
                .map(a -> a.getRawType())
                .filter(t -> t.isAnnotatedWith(HttpMethod.class))
                .map(t -> t.getAnnotationOfType(HttpMethod.class).value())
                .findFirst().orElse(null);
    }

    /** {@code summary/{id: [0-9a-f]+}} → {@code /summary/{id}}. */
    private static String template(String path) {
        String bare = path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return bare.startsWith("/") ? bare : "/" + bare;
    }

    private static String join(String base, String sub) {
        String joined = (base.equals("/") ? "" : base) + (sub.equals("/") ? "" : sub);
        joined = joined.endsWith("/") && joined.length() > 1 ? joined.substring(0, joined.length() - 1) : joined;
        return joined.isEmpty() ? "/" : joined;
    }
}
