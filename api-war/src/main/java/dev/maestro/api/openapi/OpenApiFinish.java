package dev.maestro.api.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes the generated document say exactly what the server does, in the places the annotations
 * cannot reach:
 * <ul>
 * <li>Payara writes the defaults of every {@code @Schema} attribute into each schema
 * ({@code exclusiveMaximum: false}, {@code maxProperties: 0}, ...); {@code maxProperties: 0}
 * would make every non-empty object invalid, so the defaults are removed, as are properties
 * and {@code required} copied into schemas that are not objects;</li>
 * <li>path parameters are required, as OpenAPI 3.0 wants (one carrying {@code @Parameter} is
 * generated as not);</li>
 * <li>each tag is listed once (the generator lists it once per resource class using it);</li>
 * <li>operation ids are the method and the path ({@code getNodeById}), so they are unique;</li>
 * <li>the servers are the two prefixes every route answers under, not the host Payara guessed;</li>
 * <li>the statuses the HTTP layer adds to every operation are listed with the error body:
 * 401 and 403 where a token is required, 400/413/415/422 where a JSON body or a form is read, 503 everywhere
 * (a backend out of reach), 400 everywhere (a request the HTTP listener refuses itself); an error
 * status documented by a description only gets the error body, any other status but 204 a
 * JSON body, and an array without item type items of any type.</li>
 * </ul>
 */
public class OpenApiFinish implements OASFilter {
    static final String ERROR = "Error";
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Logger LOG = Logger.getLogger(OpenApiFinish.class.getName());
    /**
     * Whether the server's MicroProfile OpenAPI model is the 3.x one this filter is written for
     * (Payara's). WildFly 37 ships 4.0, whose schema model changed shape (OpenAPI 3.1): calling
     * it from here fails the deployment, so there the document is left as that server makes it.
     */
    static final boolean SAME_MODEL = modelIsThisFiltersOwn();

    private static boolean modelIsThisFiltersOwn() {
        try {
            return Schema.class.getMethod("getExclusiveMaximum").getReturnType() == Boolean.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (SAME_MODEL) {
            dropGeneratorDefaults(schema);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (!SAME_MODEL) {
            LOG.info("The OpenAPI document is left as this server generates it: its MicroProfile OpenAPI model is not the 3.x one");
            return;
        }
        openApi.setServers(new ArrayList<>(List.of(
                OASFactory.createServer().url("/latest").description("The prefix KernelCI's clients use"),
                OASFactory.createServer().url("/").description("The same routes without a prefix"))));
        openApi.getComponents().addSchema(ERROR, errorSchema());
        if (openApi.getTags() != null) {
            Map<String, Tag> once = new LinkedHashMap<>();
            openApi.getTags().forEach(tag -> once.merge(tag.getName(), tag, (a, b) -> a.getDescription() != null ? a : b));
            openApi.setTags(new ArrayList<>(once.values()));
        }
        openApi.getComponents().getSchemas().values().forEach(OpenApiFinish::dropGeneratorDefaultsDeep);
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                finish(entry.getKey(), path.getKey(), entry.getValue());
            }
        }
    }

    private static void finish(PathItem.HttpMethod method, String path, Operation op) {
        op.setOperationId(operationId(method, path));
        APIResponses responses = op.getResponses();
        if (Boolean.FALSE.equals(op.getDeprecated())) {
            op.setDeprecated(null);
        }
        if (op.getParameters() != null) {
            op.getParameters().forEach(OpenApiFinish::finish);
        }
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            addError(responses, "401", "No token, or a token that is malformed, expired, or of a deleted or inactive user");
            addError(responses, "403", "The token's user may not do this (not an admin, not allowed to edit, not verified)");
        }
        Content body = op.getRequestBody() == null ? null : op.getRequestBody().getContent();
        if (body != null && (body.hasMediaType(JSON) || body.hasMediaType(FORM))) {
            boolean json = body.hasMediaType(JSON);
            addError(responses, "400", json ? "A rule of the operation is broken, or the body is not valid UTF-8 (the offset is named)"
                    : "A rule of the operation is broken");
            addError(responses, "413", "The body is larger than MAESTRO_MAX_BODY_BYTES");
            addError(responses, "415", json ? "The body is not application/json (or an application/*+json type)"
                    : "The body is not a form (application/x-www-form-urlencoded)");
            addError(responses, "422", json ? "The body is not JSON of the documented shape: detail lists {loc, msg, type}"
                    : "A form field is missing or malformed: detail lists {loc, msg, type}");
        }
        addError(responses, "400", "The request is malformed: a header byte HTTP does not allow, or a path with a backslash,"
                + " a NUL byte or a .. above / (refused by the HTTP listener, before the operation)");
        addError(responses, "503", "MongoDB or Redis cannot be reached right now; try again later");
        responses.getAPIResponses().forEach((status, r) -> {
            boolean noBody = r.getContent() == null || r.getContent().getMediaTypes() == null || r.getContent().getMediaTypes().isEmpty();
            if (noBody && !"204".equals(status)) {
                // Every answer but a 204 has a JSON body: errors the detail, the others at least null.
                r.setContent(OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                        .schema(status.startsWith("2") ? OASFactory.createSchema() : OASFactory.createSchema().ref(ERROR))));
            }
            if (r.getContent() != null) {
                r.getContent().getMediaTypes().values().forEach(m -> dropGeneratorDefaultsDeep(m.getSchema()));
            }
        });
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> dropGeneratorDefaultsDeep(m.getSchema()));
        }
    }

    private static void finish(Parameter p) {
        if (Boolean.FALSE.equals(p.getDeprecated())) {
            p.setDeprecated(null);
        }
        if (Boolean.FALSE.equals(p.getAllowEmptyValue())) {
            p.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(p.getAllowReserved())) {
            p.setAllowReserved(null);
        }
        // OpenAPI 3.0 requires path parameters to be required; one with @Parameter is generated as not.
        if (p.getIn() == Parameter.In.PATH) {
            p.setRequired(true);
        }
    }

    private static void addError(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        MediaType json = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR));
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(JSON, json)));
    }

    /** {@code {"detail": ...}}: a message, or for 422 the list of {@code {loc, msg, type}}. */
    private static Schema errorSchema() {
        Schema fieldError = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("loc", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema()))
                .addProperty("msg", OASFactory.createSchema().type(Schema.SchemaType.STRING))
                .addProperty("type", OASFactory.createSchema().type(Schema.SchemaType.STRING));
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT).addRequired("detail")
                .description("Every error answer")
                .addProperty("detail", OASFactory.createSchema().description("A message, a code, or a list of field errors")
                        .oneOf(List.of(OASFactory.createSchema().type(Schema.SchemaType.STRING),
                                OASFactory.createSchema().type(Schema.SchemaType.OBJECT),
                                OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError))));
    }

    /** {@code GET /node/{id}} → {@code getNodeById}, {@code PUT /batch/nodeset} → {@code putBatchNodeset}. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            boolean variable = segment.startsWith("{");
            if (variable) {
                id.append("By");
            }
            for (String word : segment.replaceAll("[{}]", "").split("[-_.]")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return path.equals("/") ? id.append("Root").toString() : id.toString();
    }

    private static void dropGeneratorDefaultsDeep(Schema schema) {
        if (schema == null) {
            return;
        }
        dropGeneratorDefaults(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiFinish::dropGeneratorDefaultsDeep);
        }
        dropGeneratorDefaultsDeep(schema.getItems());
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(OpenApiFinish::dropGeneratorDefaultsDeep);
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            dropGeneratorDefaultsDeep(schema.getAdditionalPropertiesSchema());
        }
    }

    private static void dropGeneratorDefaults(Schema s) {
        if (Boolean.FALSE.equals(s.getExclusiveMaximum())) {
            s.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(s.getExclusiveMinimum())) {
            s.setExclusiveMinimum(null);
        }
        if (Integer.valueOf(0).equals(s.getMaxProperties())) {
            s.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(s.getMinProperties())) {
            s.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(s.getMinLength())) {
            s.setMinLength(null);
        }
        if (Boolean.FALSE.equals(s.getUniqueItems())) {
            s.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(s.getNullable())) {
            s.setNullable(null);
        }
        if (Boolean.FALSE.equals(s.getReadOnly())) {
            s.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(s.getWriteOnly())) {
            s.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(s.getDeprecated())) {
            s.setDeprecated(null);
        }
        if (s.getType() == Schema.SchemaType.ARRAY && s.getItems() == null) {
            s.setItems(OASFactory.createSchema());
        }
        if (s.getType() != null && s.getType() != Schema.SchemaType.OBJECT) {
            s.setProperties(null);
            s.setRequired(null);
        }
    }
}
