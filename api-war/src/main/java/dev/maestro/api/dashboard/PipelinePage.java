package dev.maestro.api.dashboard;

import dev.maestro.api.dashboard.view.StatsView;
import dev.maestro.json.Json;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code GET /dashboard/pipeline}: what the pipeline's {@code /pipeline/stats} says, read over
 * HTTP because the pipeline is another application (and with {@code MAESTRO_ROLE} maybe another
 * instance). A pipeline that does not answer is said so on the page.
 */
@Path("dashboard/pipeline")
public class PipelinePage extends DashboardPage {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response pipeline() {
        String statsUrl = pages.pipeline(uri) + "/stats";
        return render("pipeline", "Pipeline", () -> read(statsUrl));
    }

    private static StatsView read(String statsUrl) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(statsUrl)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return StatsView.unavailable(statsUrl, "The pipeline answered " + answer.statusCode() + ": is it running here?");
            }
            return StatsView.of(statsUrl, Json.parseObject(answer.body()));
        } catch (IOException | IllegalArgumentException e) {
            return StatsView.unavailable(statsUrl, "The pipeline does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StatsView.unavailable(statsUrl, "Interrupted while asking the pipeline");
        }
    }
}
