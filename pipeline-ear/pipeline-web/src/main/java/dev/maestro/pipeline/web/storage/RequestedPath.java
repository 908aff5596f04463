package dev.maestro.pipeline.web.storage;

import dev.maestro.pipeline.storage.StoragePath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a request under the storage servlet asks for: a path inside storage, and whether it was
 * asked as a directory (the URL ends with {@code /}).
 *
 * <p>Parsed from the raw request URI rather than the container's decoded path info, so that an
 * encoded slash ({@code %2F}) stays part of a segment, where it is refused, instead of silently
 * becoming a separator; {@code %2E%2E} decodes to {@code ..}, which {@link StoragePath} refuses.
 *
 * @param path      the path inside storage; the root for {@code /pipeline/storage/}
 * @param directory whether the URL ends with {@code /}
 */
record RequestedPath(StoragePath path, boolean directory) {

    /**
     * @param rawUri      {@code HttpServletRequest.getRequestURI()}, still percent-encoded
     * @param contextPath the web module's context path, e.g. {@code /pipeline}
     * @param servletPath the servlet's mapping prefix, e.g. {@code /storage}
     * @throws IllegalArgumentException for an encoded slash, a bad escape or a path that
     *                                  {@link StoragePath} refuses
     */
    static RequestedPath parse(String rawUri, String contextPath, String servletPath) {
        // The container maps the request after collapsing "//" and "/./", so skip the prefix by
        // counting its segments the same way rather than by comparing characters.
        int prefix = segments(contextPath).size() + segments(servletPath).size();
        List<String> raw = segments(rawUri);
        List<String> decoded = new ArrayList<>();
        for (String segment : raw.subList(Math.min(prefix, raw.size()), raw.size())) {
            String name = decode(segment);
            if (name.contains("/")) {
                throw new IllegalArgumentException("'" + segment + "' hides a slash in a name");
            }
            decoded.add(name);
        }
        return new RequestedPath(StoragePath.of(String.join("/", decoded)), rawUri.endsWith("/"));
    }

    /** Whether this asks for the file at {@code file}, not a directory of that name. */
    boolean isFile(StoragePath file) {
        return !directory && path.equals(file);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
    }

    private static String decode(String segment) {
        // URLDecoder decodes forms, where '+' means a space; in a path it is a plain '+'.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
