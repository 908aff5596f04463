package dev.maestro.api.telemetry;

import dev.maestro.api.auth.CurrentUser;
import dev.maestro.api.http.JsonResponses;
import dev.maestro.api.http.QueryParameters;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.json.Json;
import dev.maestro.store.PageRequest;
import dev.maestro.telemetry.TelemetryAnomalies;
import dev.maestro.telemetry.TelemetryEvents;
import dev.maestro.telemetry.TelemetryQuery;
import dev.maestro.telemetry.TelemetryStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Telemetry events: added by any user, read, counted and screened for anomalies by anyone. */
@Path("telemetry")
@Produces(MediaType.APPLICATION_JSON)
public class TelemetryResource {
    @Inject
    CurrentUser currentUser;

    @Inject
    TelemetryStore store;

    @Context
    UriInfo uri;

    @POST
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Store telemetry events: a list of them (as KernelCI's client sends) or one; all or none")
    @APIResponse(responseCode = "200", description = "{\"inserted\": n}")
    @APIResponse(responseCode = "400", description = "An empty list, or an event that breaks a rule")
    @APIResponse(responseCode = "422", description = "Neither a list nor an event")
    public Response add(String body) {
        currentUser.require();
        Object parsed = Json.parse(body);
        List<?> events = parsed instanceof Map<?, ?> one ? List.of(one) : parsed instanceof List<?> list ? list : null;
        if (events == null) {
            throw ValidationException.of("list_type", "Input should be a valid list", "body");
        }
        if (events.isEmpty()) {
            throw new BadRequestException("Events list cannot be empty");
        }
        List<Document> documents = events.stream().map(TelemetryEvents::parse).toList();
        return JsonResponses.ok(Map.of("inserted", store.insertAll(documents)));
    }

    @GET
    @Operation(summary = "Telemetry events matching the query (exact fields, since/until), paged")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "An unknown filter field or a malformed value")
    @APIResponse(responseCode = "422", description = "A malformed limit or offset")
    public Response find() {
        PageRequest page = PageRequest.from(QueryParameters.of(uri));
        return JsonResponses.ok(store.find(TelemetryQuery.find(page.filters()), page).toJson(e -> e));
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts of results per group (group_by), over the filtered events")
    @APIResponse(responseCode = "200", description = "One object per group: its group_by fields and the counts",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "No group_by, or an unknown field or filter")
    public Response stats(@QueryParam("group_by") String groupBy) {
        return JsonResponses.ok(store.stats(TelemetryQuery.groupBy(groupBy), TelemetryQuery.stats(QueryParameters.of(uri))));
    }

    @GET
    @Path("anomalies")
    @Operation(summary = "Groups whose failure or infrastructure-error rate reaches the threshold within the window")
    @APIResponse(responseCode = "200", description = "The groups over the threshold")
    @APIResponse(responseCode = "400", description = "An unknown window")
    @APIResponse(responseCode = "422", description = "A threshold, min_total or scope that is malformed or out of range")
    public Response anomalies(@QueryParam("window") String window, @QueryParam("threshold") String threshold,
                              @QueryParam("min_total") String minTotal, @QueryParam("scope") String scope) {
        return JsonResponses.ok(TelemetryAnomalies.of(window, threshold, minTotal, scope).report(store, Instant.now()));
    }
}
