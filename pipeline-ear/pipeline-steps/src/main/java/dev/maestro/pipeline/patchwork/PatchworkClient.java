package dev.maestro.pipeline.patchwork;

import dev.maestro.json.Json;
import dev.maestro.pipeline.config.PatchworkConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Patchwork's REST API v1.2 for one configured project: the {@code series-completed} events since a
 * date (oldest first, following the {@code Link: <…>; rel="next"} pages), a series, a download
 * (only from the allowed hosts) and a check posted with {@code Authorization: Token …}.
 */
public final class PatchworkClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    /** Pages followed per call at most: a long outage's backlog is read over several polls. */
    private static final int MAX_PAGES = 20;
    /** An mbox larger than this is refused (the spec's per-patch limit is 10 MiB; a series of a few). */
    static final long MAX_DOWNLOAD = 64L * 1024 * 1024;

    private final PatchworkConfig project;
    private final Optional<String> token;
    private final HttpClient http;

    public PatchworkClient(PatchworkConfig project, Optional<String> token) {
        this.project = project;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The completed series of the project from {@code since} (inclusive; empty: from the start), oldest first. */
    public List<SeriesEvent> seriesCompleted(Optional<String> since) {
        StringBuilder query = new StringBuilder("api/1.2/events/?category=series-completed&order=date&per_page=100&project=")
                .append(encode(project.project()));
        since.ifPresent(s -> query.append("&since=").append(encode(s)));
        List<SeriesEvent> events = new ArrayList<>();
        Optional<URI> page = Optional.of(project.url().resolve(query.toString()));
        for (int i = 0; i < MAX_PAGES && page.isPresent(); i++) {
            HttpResponse<String> response = send(get(page.get()));
            for (Object item : list(response.body())) {
                Map<?, ?> event = (Map<?, ?>) item;
                Map<?, ?> series = map(map(event.get("payload")).get("series"));
                events.add(new SeriesEvent(number(event.get("id")), String.valueOf(event.get("date")), number(series.get("id"))));
            }
            page = next(response);
        }
        return events;
    }

    public Series series(long id) {
        Map<?, ?> series = map(Json.parse(send(get(project.url().resolve("api/1.2/series/" + id + "/"))).body()));
        Map<?, ?> submitter = map(series.get("submitter"));
        List<SeriesPatch> patches = new ArrayList<>();
        for (Object item : (List<?>) series.get("patches")) {
            Map<?, ?> patch = (Map<?, ?>) item;
            patches.add(new SeriesPatch(number(patch.get("id")), String.valueOf(patch.get("name")), uri(patch.get("web_url")),
                    uri(patch.get("mbox"))));
        }
        return new Series(number(series.get("id")), String.valueOf(series.get("name")), uri(series.get("web_url")),
                uri(series.get("mbox")), new Submitter(String.valueOf(submitter.get("name")), String.valueOf(submitter.get("email"))),
                patches, Boolean.TRUE.equals(series.get("received_all")));
    }

    /** The bytes at {@code url}, which must be on an allowed host. */
    public byte[] download(URI url) {
        if (!project.mayFetch(url)) {
            throw new DisallowedHostException(url);
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new PatchworkException("GET " + url + " answered " + response.statusCode());
            }
            if (response.body().length > MAX_DOWNLOAD) {
                throw new PatchworkException("GET " + url + " is larger than " + MAX_DOWNLOAD + " bytes");
            }
            return response.body();
        } catch (IOException e) {
            throw new PatchworkException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchworkException("interrupted", e);
        }
    }

    /** Posts {@code check} on the patch; Patchwork answers 201 with the check it stored. */
    public void postCheck(long patchId, PatchworkCheck check) {
        if (token.isEmpty()) {
            throw new PatchworkException("no API token: " + project.tokenVariable() + " is not set");
        }
        HttpRequest request = HttpRequest.newBuilder(project.url().resolve("api/1.2/patches/" + patchId + "/checks/"))
                .timeout(TIMEOUT).header("Authorization", "Token " + token.get()).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(check.body()))).build();
        send(request);
    }

    private HttpRequest get(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET();
        return request.build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new PatchworkException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return response;
        } catch (IOException e) {
            throw new PatchworkException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchworkException("interrupted", e);
        }
    }

    /** The next page, only on the project's own instance (a Link header is not a reason to go elsewhere). */
    private Optional<URI> next(HttpResponse<?> response) {
        return response.headers().allValues("Link").stream().map(NEXT::matcher).filter(Matcher::find)
                .map(m -> URI.create(m.group(1))).filter(u -> project.url().getHost().equalsIgnoreCase(u.getHost())).findFirst();
    }

    private static List<?> list(String body) {
        Object parsed = Json.parse(body);
        if (parsed instanceof List<?> items) {
            return items;
        }
        throw new PatchworkException("expected a JSON list, got: " + abbreviate(body));
    }

    private static Map<?, ?> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new PatchworkException("expected a JSON object, got: " + value);
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw new PatchworkException("expected a number, got: " + value);
    }

    private static URI uri(Object value) {
        return value == null ? null : URI.create(String.valueOf(value));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
