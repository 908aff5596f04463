package dev.maestro.pipeline.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The relative path of a stored file, such as {@code kbuild-tiny-65a1f0/program}. Empty and
 * {@code .} segments collapse (KernelCI joins {@code base_url + "./" + dest + "/" + name});
 * {@code ..}, backslashes and control characters are refused, so no path can leave the root.
 */
public final class StoragePath {
    private final List<String> segments;

    private StoragePath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses {@code path}; the empty path is the storage root.
     *
     * @throws IllegalArgumentException when the path could escape the root or is not a plain name
     */
    public static StoragePath of(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException("'" + path + "' leaves the storage root ('..' is not allowed)");
            }
            if (segment.indexOf('\\') >= 0 || segment.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("'" + path + "' contains a backslash or a control character");
            }
            segments.add(segment);
        }
        return new StoragePath(segments);
    }

    /** This path with {@code name} (a single file name, no slashes) appended. */
    public StoragePath resolve(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a file name");
        }
        List<String> more = new ArrayList<>(segments);
        more.addAll(of(name).segments);
        return new StoragePath(more);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last segment (the file name); empty for the root. */
    public String fileName() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** The path as written in URLs, each segment percent-encoded where needed. */
    public String toUrlPath() {
        StringBuilder s = new StringBuilder();
        for (String segment : segments) {
            if (s.length() > 0) {
                s.append('/');
            }
            for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (Character.isLetterOrDigit(c) && c < 128 || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                    s.append(c);
                } else {
                    s.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return String.join("/", segments);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoragePath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }
}
