package dev.maestro.pipeline.web.storage;

import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoredFile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Answers GET and HEAD under the storage servlet: a stored file (streamed), the index of a
 * directory asked with a trailing {@code /}, a redirect to add that slash, or 404.
 */
final class StorageReader {
    private final ArtifactStorage storage;

    StorageReader(ArtifactStorage storage) {
        this.storage = storage;
    }

    void answer(RequestedPath requested, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean withBody = !"HEAD".equals(req.getMethod());
        if (requested.directory()) {
            index(requested, req, resp, withBody);
            return;
        }
        Optional<StoredFile> file = storage.find(requested.path());
        if (file.isPresent()) {
            send(file.get(), resp, withBody);
        } else if (requested.path().isRoot() || !storage.list(requested.path()).isEmpty()) {
            // As nginx does: the index's links are relative, so a directory is only shown at its URL with the slash.
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getRequestURI() + "/");
        } else {
            JsonReply.detail(resp, 404, "File not found: " + requested.path());
        }
    }

    private void index(RequestedPath requested, HttpServletRequest req, HttpServletResponse resp, boolean withBody)
            throws IOException {
        List<String> entries = storage.list(requested.path());
        // The backend does not tell an empty directory from a missing one; only the root is
        // known to exist, and uploads never leave empty directories behind.
        if (entries.isEmpty() && !requested.path().isRoot()) {
            JsonReply.detail(resp, 404, "Directory not found: " + requested.path() + "/");
            return;
        }
        String urlPrefix = req.getContextPath() + req.getServletPath() + "/";
        byte[] html = DirectoryIndex.render(urlPrefix, requested.path(), entries).getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(html.length);
        if (withBody) {
            resp.getOutputStream().write(html);
        }
    }

    private static void send(StoredFile file, HttpServletResponse resp, boolean withBody) throws IOException {
        resp.setContentType(file.contentType());
        resp.setContentLengthLong(file.size());
        resp.setDateHeader("Last-Modified", file.lastModified().toEpochMilli());
        // Uploaded files share the API's origin: a browser must not guess HTML from their bytes.
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (withBody) {
            try (InputStream in = file.open()) {
                in.transferTo(resp.getOutputStream());
            }
        }
    }
}
