package dev.maestro.api.dashboard.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The "1–50 of 812 · previous · next" line of a paged list; its links keep the page's other parameters. */
public record Pager(long from, long to, long total, String prev, String next) {

    /**
     * @param path   the page's path
     * @param params the page's query parameters (other than {@code offset})
     * @param shown  how many items this page shows
     */
    public static Pager of(String path, Map<String, String> params, int offset, int limit, long total, int shown) {
        String prev = offset > 0 ? href(path, params, Math.max(0, offset - limit)) : null;
        String next = offset + shown < total ? href(path, params, offset + limit) : null;
        return new Pager(shown == 0 ? 0 : offset + 1, offset + shown, total, prev, next);
    }

    private static String href(String path, Map<String, String> params, int offset) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.remove("offset");
        if (offset > 0) {
            all.put("offset", Integer.toString(offset));
        }
        String query = all.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return query.isEmpty() ? path : path + "?" + query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
