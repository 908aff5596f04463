package dev.maestro.pipeline.web.storage;

import dev.maestro.pipeline.storage.StoragePath;
import java.util.List;

/**
 * The HTML page listing a storage directory, like the autoindex of the nginx that serves
 * KernelCI's storage: a title, a link to the parent and one link per entry. Links are relative,
 * so the page must be served at a URL that ends with {@code /}.
 */
final class DirectoryIndex {
    private DirectoryIndex() {
    }

    /**
     * @param urlPrefix the URL path of the storage root, ending with {@code /} (for the title)
     * @param directory the listed directory
     * @param entries   its entries as {@code ArtifactStorage.list} gives them (directories end with {@code /})
     */
    static String render(String urlPrefix, StoragePath directory, List<String> entries) {
        String title = "Index of " + urlPrefix + (directory.isRoot() ? "" : directory + "/");
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head>\n<body>\n<h1>")
                .append(escape(title)).append("</h1>\n<hr>\n<pre>\n");
        if (!directory.isRoot()) {
            html.append("<a href=\"../\">../</a>\n");
        }
        for (String entry : entries) {
            boolean isDirectory = entry.endsWith("/");
            String name = isDirectory ? entry.substring(0, entry.length() - 1) : entry;
            String href;
            try {
                href = StoragePath.of(name).toUrlPath() + (isDirectory ? "/" : "");
            } catch (IllegalArgumentException e) {
                // A name no request can reach (a backslash, a control character) is not listed.
                continue;
            }
            html.append("<a href=\"").append(escape(href)).append("\">").append(escape(entry)).append("</a>\n");
        }
        return html.append("</pre>\n<hr>\n</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
