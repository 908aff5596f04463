package dev.maestro.node.input;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Validation of artifact URLs: absolute http(s) with a host, normalised as pydantic's AnyHttpUrl. */
public final class HttpUrls {
    private HttpUrls() {
    }

    /** The URL with a bare host given a trailing {@code /}, or empty when it is not an http(s) URL. */
    public static Optional<String> normalise(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            StringBuilder b = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority()).append('/');
            if (uri.getRawQuery() != null) {
                b.append('?').append(uri.getRawQuery());
            }
            if (uri.getRawFragment() != null) {
                b.append('#').append(uri.getRawFragment());
            }
            return Optional.of(b.toString());
        }
        return Optional.of(url);
    }
}
