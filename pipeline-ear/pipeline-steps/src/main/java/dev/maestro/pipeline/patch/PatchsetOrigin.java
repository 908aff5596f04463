package dev.maestro.pipeline.patch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who sent a series and where it came from, kept in the patchset node's {@code data.patchset}
 * so that reports (and the Patchwork bridge's checks) can find their way back.
 *
 * @param submitterName  the author as the series names them (may be empty)
 * @param submitterEmail their address (may be empty)
 * @param project        the project the series was sent to (a Patchwork project, a list), may be empty
 * @param patchwork      the Patchwork series, when the series came from Patchwork
 */
public record PatchsetOrigin(String submitterName, String submitterEmail, String project, Optional<PatchworkSeries> patchwork) {

    public PatchsetOrigin {
        submitterName = submitterName == null ? "" : submitterName;
        submitterEmail = submitterEmail == null ? "" : submitterEmail;
        project = project == null ? "" : project;
    }

    /** A series sent by hand (the API), by the user with that address. */
    public static PatchsetOrigin submittedBy(String name, String email) {
        return new PatchsetOrigin(name, email, "", Optional.empty());
    }

    /**
     * A Patchwork series.
     *
     * @param url          the Patchwork instance's base URL (e.g. {@code https://patchwork.kernel.org})
     * @param seriesId     the series id in Patchwork's REST API
     * @param seriesWebUrl the series' page
     * @param patchIds     the ids of its patches, in series order (one check per patch is posted back)
     * @param patchWebUrls their pages, in the same order
     */
    public record PatchworkSeries(String url, long seriesId, String seriesWebUrl, List<Long> patchIds, List<String> patchWebUrls) {
        public PatchworkSeries {
            patchIds = List.copyOf(patchIds);
            patchWebUrls = List.copyOf(patchWebUrls);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("url", url);
            map.put("series_id", seriesId);
            map.put("series_url", seriesWebUrl);
            map.put("patch_ids", patchIds);
            map.put("patch_urls", patchWebUrls);
            return map;
        }

        @SuppressWarnings("unchecked")
        static Optional<PatchworkSeries> fromMap(Object value) {
            if (!(value instanceof Map<?, ?> map) || !(map.get("series_id") instanceof Number seriesId)) {
                return Optional.empty();
            }
            List<Long> ids = map.get("patch_ids") instanceof List<?> list
                    ? list.stream().filter(Number.class::isInstance).map(n -> ((Number) n).longValue()).toList() : List.of();
            List<String> urls = map.get("patch_urls") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
            return Optional.of(new PatchworkSeries(text(map.get("url")), seriesId.longValue(), text(map.get("series_url")), ids, urls));
        }
    }

    /** The {@code data.patchset} object. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("submitter_name", submitterName);
        map.put("submitter_email", submitterEmail);
        map.put("project", project);
        patchwork.ifPresent(p -> map.put("patchwork", p.toMap()));
        return map;
    }

    /** Reads back what {@link #toMap} wrote (empty fields where the node lacks them). */
    public static PatchsetOrigin fromMap(Map<?, ?> map) {
        return new PatchsetOrigin(text(map.get("submitter_name")), text(map.get("submitter_email")), text(map.get("project")),
                PatchworkSeries.fromMap(map.get("patchwork")));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
