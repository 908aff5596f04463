package dev.maestro.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.maestro.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server answering the parts of Patchwork's REST API v1.2 the pipeline uses, with
 * Patchwork's shapes: {@code /api/1.2/projects/}, {@code /api/1.2/events/} (filtered by
 * {@code category}, {@code project} and {@code since}, ordered by {@code order}, paginated by
 * {@code page}/{@code per_page} with a {@code Link: <…>; rel="next"} header), {@code /api/1.2/series/{id}/},
 * the series and patch mbox pages, and {@code POST /api/1.2/patches/{id}/checks/} (token
 * authentication, 201 with the check). Tests add series made of real {@code git format-patch}
 * mails, complete them (which adds the event) and read the checks that arrived.
 */
public final class FakePatchwork implements AutoCloseable {
    /** A check as it was posted. */
    public record Check(long patchId, String state, String context, String description, String targetUrl) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final Pattern SERIES = Pattern.compile("/api/1\\.2/series/(\\d+)/");
    private static final Pattern SERIES_MBOX = Pattern.compile("/series/(\\d+)/mbox/");
    private static final Pattern PATCH_MBOX = Pattern.compile("/patch/(\\d+)/mbox/");
    private static final Pattern CHECKS = Pattern.compile("/api/1\\.2/patches/(\\d+)/checks/");

    private final HttpServer server;
    private final String project;
    private final String token;
    private final AtomicInteger ids = new AtomicInteger(100);
    private final Map<Long, Map<String, Object>> series = new LinkedHashMap<>();
    private final Map<Long, String> patchMails = new LinkedHashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private LocalDateTime clock = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    private boolean checksDown;

    private FakePatchwork(HttpServer server, String project, String token) {
        this.server = server;
        this.project = project;
        this.token = token;
    }

    /** Serves project {@code project} (its link_name) and takes checks posted with {@code token}. */
    public static FakePatchwork start(String project, String token) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FakePatchwork patchwork = new FakePatchwork(http, project, token);
        http.createContext("/", patchwork::handle);
        http.start();
        return patchwork;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Adds a series of these patch mails (one {@code git format-patch} file each), not yet complete. */
    public synchronized long addSeries(String name, String submitterName, String submitterEmail, List<String> mails) {
        long id = ids.incrementAndGet();
        List<Map<String, Object>> patches = new ArrayList<>();
        for (int i = 0; i < mails.size(); i++) {
            long patchId = ids.incrementAndGet();
            patchMails.put(patchId, mails.get(i));
            Map<String, Object> patch = new LinkedHashMap<>();
            patch.put("id", patchId);
            patch.put("url", url() + "api/1.2/patches/" + patchId + "/");
            patch.put("web_url", url() + "project/" + project + "/patch/" + patchId + "/");
            patch.put("msgid", "<" + patchId + "@fake>");
            patch.put("date", DATE.format(clock));
            patch.put("name", "[" + (i + 1) + "/" + mails.size() + "] " + name);
            patch.put("mbox", url() + "patch/" + patchId + "/mbox/");
            patches.add(patch);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("url", url() + "api/1.2/series/" + id + "/");
        s.put("web_url", url() + "project/" + project + "/list/?series=" + id);
        s.put("project", projectJson());
        s.put("name", name);
        s.put("date", DATE.format(clock));
        s.put("submitter", Map.of("id", 7, "url", url() + "api/1.2/people/7/", "name", submitterName, "email", submitterEmail));
        s.put("version", 1);
        s.put("total", mails.size());
        s.put("received_total", mails.size());
        s.put("received_all", true);
        s.put("mbox", url() + "series/" + id + "/mbox/");
        s.put("cover_letter", null);
        s.put("patches", patches);
        series.put(id, s);
        return id;
    }

    /** Records the {@code series-completed} event of {@code seriesId}, one second after the last event. */
    public synchronized void complete(long seriesId) {
        clock = clock.plusSeconds(1);
        Map<String, Object> s = series.get(seriesId);
        Map<String, Object> embedded = new LinkedHashMap<>();
        for (String key : List.of("id", "url", "web_url", "name", "date", "version", "mbox")) {
            embedded.put(key, s.get(key));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", ids.incrementAndGet());
        event.put("category", "series-completed");
        event.put("project", projectJson());
        event.put("date", DATE.format(clock));
        event.put("actor", null);
        event.put("payload", Map.of("series", embedded));
        events.add(event);
    }

    /** The patch ids of a series, in order. */
    @SuppressWarnings("unchecked")
    public synchronized List<Long> patchIds(long seriesId) {
        return ((List<Map<String, Object>>) series.get(seriesId).get("patches")).stream()
                .map(p -> ((Number) p.get("id")).longValue()).toList();
    }

    public synchronized List<Check> checks() {
        return List.copyOf(checks);
    }

    /** Paths and queries of the requests received, in order ("GET /api/1.2/events/?…"). */
    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** While down, check posts answer 503 (as a Patchwork behind a proxy during maintenance). */
    public synchronized void checksDown(boolean down) {
        checksDown = down;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Map<String, Object> projectJson() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", 1);
        p.put("url", url() + "api/1.2/projects/1/");
        p.put("name", project);
        p.put("link_name", project);
        p.put("list_id", project + ".lists.example.org");
        p.put("list_email", project + "@lists.example.org");
        p.put("web_url", url() + "project/" + project + "/");
        p.put("scm_url", "");
        p.put("webscm_url", "");
        return p;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (this) {
                requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
            }
            Matcher m;
            if (path.equals("/api/1.2/projects/")) {
                json(exchange, 200, List.of(projectJson()), null);
            } else if (path.equals("/api/1.2/events/")) {
                events(exchange, parameters(query));
            } else if ((m = SERIES.matcher(path)).matches()) {
                Map<String, Object> s;
                synchronized (this) {
                    s = series.get(Long.parseLong(m.group(1)));
                }
                json(exchange, s == null ? 404 : 200, s == null ? Map.of("detail", "Not found.") : s, null);
            } else if ((m = SERIES_MBOX.matcher(path)).matches()) {
                text(exchange, seriesMbox(Long.parseLong(m.group(1))));
            } else if ((m = PATCH_MBOX.matcher(path)).matches()) {
                String mail;
                synchronized (this) {
                    mail = patchMails.get(Long.parseLong(m.group(1)));
                }
                text(exchange, mail);
            } else if ((m = CHECKS.matcher(path)).matches() && exchange.getRequestMethod().equals("POST")) {
                check(exchange, Long.parseLong(m.group(1)), body);
            } else {
                json(exchange, 404, Map.of("detail", "Not found."), null);
            }
        }
    }

    private void events(HttpExchange exchange, Map<String, String> params) throws IOException {
        List<Map<String, Object>> selected;
        synchronized (this) {
            selected = new ArrayList<>(events.stream()
                    .filter(e -> !params.containsKey("category") || params.get("category").equals(e.get("category")))
                    .filter(e -> !params.containsKey("project") || params.get("project").equals(project)
                            || params.get("project").equals("1"))
                    .filter(e -> !params.containsKey("since") || String.valueOf(e.get("date")).compareTo(params.get("since")) >= 0)
                    .toList());
        }
        Comparator<Map<String, Object>> byDate = Comparator.comparing(e -> String.valueOf(e.get("date")));
        selected.sort("date".equals(params.get("order")) ? byDate : byDate.reversed());
        int perPage = Integer.parseInt(params.getOrDefault("per_page", "30"));
        // a small page in the tests makes the pipeline follow the Link header
        perPage = Math.min(perPage, 2);
        int page = Integer.parseInt(params.getOrDefault("page", "1"));
        int from = Math.min((page - 1) * perPage, selected.size());
        int to = Math.min(from + perPage, selected.size());
        String next = null;
        if (to < selected.size()) {
            String query = exchange.getRequestURI().getRawQuery().replaceAll("&?page=\\d+", "");
            next = "<" + url() + "api/1.2/events/?" + query + "&page=" + (page + 1) + ">; rel=\"next\"";
        }
        json(exchange, 200, selected.subList(from, to), next);
    }

    @SuppressWarnings("unchecked")
    private synchronized String seriesMbox(long id) {
        Map<String, Object> s = series.get(id);
        if (s == null) {
            return null;
        }
        StringBuilder mbox = new StringBuilder();
        for (Map<String, Object> p : (List<Map<String, Object>>) s.get("patches")) {
            mbox.append(patchMails.get(((Number) p.get("id")).longValue()));
        }
        return mbox.toString();
    }

    private void check(HttpExchange exchange, long patchId, byte[] body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            if (checksDown) {
                json(exchange, 503, Map.of("detail", "Service unavailable"), null);
                return;
            }
        }
        if (!("Token " + token).equals(auth)) {
            json(exchange, 403, Map.of("detail", "Authentication credentials were not provided."), null);
            return;
        }
        Map<String, Object> check = Json.readMap(new String(body, StandardCharsets.UTF_8));
        String state = String.valueOf(check.get("state"));
        String context = String.valueOf(check.getOrDefault("context", "default"));
        if (!List.of("pending", "success", "warning", "fail").contains(state) || !context.matches("[-a-zA-Z0-9_]+")) {
            json(exchange, 400, Map.of("state", List.of("\"" + state + "\" is not a valid choice.")), null);
            return;
        }
        synchronized (this) {
            checks.add(new Check(patchId, state, context, String.valueOf(check.get("description")),
                    String.valueOf(check.get("target_url"))));
        }
        Map<String, Object> answer = new LinkedHashMap<>(check);
        answer.put("id", ids.incrementAndGet());
        answer.put("date", DATE.format(LocalDateTime.now()));
        json(exchange, 201, answer, null);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void text(HttpExchange exchange, String text) throws IOException {
        if (text == null) {
            json(exchange, 404, Map.of("detail", "Not found."), null);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void json(HttpExchange exchange, int status, Object body, String link) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (link != null) {
            exchange.getResponseHeaders().set("Link", link);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
