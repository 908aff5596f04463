package dev.maestro.api.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /latest/metrics}: KernelCI's counter document. The unversioned {@code /metrics}
 * is the server's MicroProfile Metrics endpoint (Prometheus), which takes that path first.
 */
@Path("metrics")
public class KernelciMetricsResource {
    @Inject
    ApiMetrics metrics;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "KernelCI's request counter, as text (Prometheus figures are at /metrics)")
    @APIResponse(responseCode = "200", description = "The counter",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public String counters() {
        return metrics.kernelciCounters().text();
    }
}
