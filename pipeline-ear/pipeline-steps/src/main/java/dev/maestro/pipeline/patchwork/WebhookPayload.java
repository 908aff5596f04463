package dev.maestro.pipeline.patchwork;

import dev.maestro.json.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /pipeline/webhooks/patchwork}, the shape of KernelCI's "Patch building
 * and Webhooks API" RFC: {@code patches} (each {@code id} or {@code patchwork_id}, {@code mbox}
 * URL, optional {@code web_url}, {@code hash}, {@code date}, {@code name}), {@code submitter}
 * ({@code name}, {@code email}; {@code id}, {@code url} ignored), and optionally a {@code series}
 * object ({@code id}, {@code name}, {@code web_url}) and {@code event}. Other fields are ignored.
 *
 * @param deliveryKey the same for the same series delivered twice: the series id when given, else
 *                    a digest of the patch ids and mbox URLs
 */
public record WebhookPayload(Optional<Long> seriesId, String name, Optional<URI> webUrl, Submitter submitter,
                             List<SeriesPatch> patches, String deliveryKey) {
    /** The RFC has no limit; the spec's inline patchset limit is 32 patches. */
    static final int MAX_PATCHES = 32;

    public WebhookPayload {
        patches = List.copyOf(patches);
    }

    public static WebhookPayload parse(byte[] body) {
        Object parsed;
        try {
            parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new WebhookPayloadException("the body is not JSON: " + e.getMessage());
        }
        Map<?, ?> root = object(parsed, "the body");
        if (!(root.get("patches") instanceof List<?> items) || items.isEmpty()) {
            throw new WebhookPayloadException("patches: a non-empty list is required");
        }
        if (items.size() > MAX_PATCHES) {
            throw new WebhookPayloadException("patches: at most " + MAX_PATCHES + " patches, found " + items.size());
        }
        List<SeriesPatch> patches = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "patches[" + i + "]";
            Map<?, ?> patch = object(items.get(i), at);
            Object id = patch.get("id") != null ? patch.get("id") : patch.get("patchwork_id");
            patches.add(new SeriesPatch(number(id, at + ".id"), text(patch.get("name")).orElse("patch " + (i + 1)),
                    optionalUrl(patch.get("web_url"), at + ".web_url").orElse(null), url(patch.get("mbox"), at + ".mbox")));
        }
        Map<?, ?> submitter = object(root.get("submitter"), "submitter");
        String email = text(submitter.get("email")).filter(e -> e.matches("[^@\\s]+@[^@\\s]+"))
                .orElseThrow(() -> new WebhookPayloadException("submitter.email: an e-mail address is required"));
        Submitter who = new Submitter(text(submitter.get("name")).orElse(email), email);
        Optional<Map<?, ?>> series = root.get("series") == null ? Optional.empty() : Optional.of(object(root.get("series"), "series"));
        Optional<Long> seriesId = series.map(s -> s.get("id")).map(id -> number(id, "series.id"));
        String name = series.flatMap(s -> text(s.get("name"))).orElse(patches.get(0).name());
        Optional<URI> webUrl = series.flatMap(s -> optionalUrl(s.get("web_url"), "series.web_url"));
        String key = seriesId.map(id -> "series:" + id).orElseGet(() -> "patches:" + digest(patches));
        return new WebhookPayload(seriesId, name, webUrl, who, patches, key);
    }

    private static String digest(List<SeriesPatch> patches) {
        StringBuilder all = new StringBuilder();
        patches.forEach(p -> all.append(p.id()).append(' ').append(p.mbox()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<?, ?> object(Object value, String at) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new WebhookPayloadException(at + ": an object is required");
    }

    private static long number(Object value, String at) {
        if (value instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        if (value instanceof String s && s.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(s);
        }
        throw new WebhookPayloadException(at + ": a positive integer is required");
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static URI url(Object value, String at) {
        return optionalUrl(value, at).orElseThrow(() -> new WebhookPayloadException(at + ": an http(s) URL is required"));
    }

    private static Optional<URI> optionalUrl(Object value, String at) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(String.valueOf(value));
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new WebhookPayloadException(at + ": '" + value + "' is not an http(s) URL");
    }
}
