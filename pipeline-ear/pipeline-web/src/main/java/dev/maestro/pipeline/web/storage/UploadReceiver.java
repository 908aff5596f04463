package dev.maestro.pipeline.web.storage;

import dev.maestro.pipeline.storage.ArtifactUpload;
import dev.maestro.pipeline.storage.UploadRejectedException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Answers {@code POST /pipeline/storage/upload}: checks the token before reading the body, lets
 * the container spool the multipart parts to temporary files, hands them to
 * {@link ArtifactUpload} and answers the public URL of each file.
 */
final class UploadReceiver {
    private static final Logger LOG = Logger.getLogger(UploadReceiver.class.getName());
    private static final Pattern FILE_FIELD = Pattern.compile(Pattern.quote(ArtifactUpload.FILE_FIELD_PREFIX) + "\\d+");

    private final ArtifactUpload upload;
    private final long maxUploadMb;

    UploadReceiver(ArtifactUpload upload, long maxUploadMb) {
        this.upload = upload;
        this.maxUploadMb = maxUploadMb;
    }

    void answer(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String authorization = req.getHeader("Authorization");
        try {
            upload.authorize(authorization);
            String contentType = req.getContentType();
            if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                throw new UploadRejectedException(415, "Send the files as multipart/form-data: a field "
                        + ArtifactUpload.PATH_FIELD + " and files in " + ArtifactUpload.FILE_FIELD_PREFIX + "0, "
                        + ArtifactUpload.FILE_FIELD_PREFIX + "1…");
            }
            // When the container cuts a body of unknown length at the limit, it leaves the part it
            // was writing on disk; with a declared length the limit is enforced before any byte is read.
            long length = req.getContentLengthLong();
            if (length < 0) {
                throw new UploadRejectedException(411, "Send the upload with a Content-Length header");
            }
            if (length > maxUploadMb * 1024 * 1024) {
                throw tooLarge();
            }
            Collection<Part> parts = receive(req);
            Map<String, String> urls;
            try {
                urls = store(authorization, parts);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "An upload to storage failed", e);
                JsonReply.detail(resp, 500, "Could not store the upload; the server log says why");
                return;
            } finally {
                for (Part part : parts) {
                    part.delete();
                }
            }
            JsonReply.send(resp, 200, urls);
        } catch (UploadRejectedException e) {
            JsonReply.detail(resp, e.status(), e.getMessage());
        }
    }

    private Collection<Part> receive(HttpServletRequest req) throws UploadRejectedException {
        try {
            return req.getParts();
        } catch (IllegalStateException e) {
            // The Servlet API's signal that the body passed the multipart config's maxRequestSize:
            // a backstop, since the declared length was checked already.
            throw tooLarge();
        } catch (ServletException | IOException e) {
            throw new UploadRejectedException(400, "Malformed multipart body: " + e.getMessage());
        }
    }

    private Map<String, String> store(String authorization, Collection<Part> parts)
            throws UploadRejectedException, IOException {
        String directory = "";
        List<ArtifactUpload.Part> files = new ArrayList<>();
        try {
            for (Part part : parts) {
                if (part.getName().equals(ArtifactUpload.PATH_FIELD)) {
                    try (InputStream in = part.getInputStream()) {
                        directory = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                } else if (FILE_FIELD.matcher(part.getName()).matches()) {
                    files.add(new ArtifactUpload.Part(part.getSubmittedFileName(), part.getInputStream()));
                }
            }
            Map<String, URI> urls = upload.accept(authorization, directory, files);
            LOG.info("Stored " + urls.size() + " uploaded file(s) under '" + directory + "'");
            Map<String, String> body = new LinkedHashMap<>();
            urls.forEach((name, url) -> body.put(name, url.toString()));
            return body;
        } catch (IllegalArgumentException e) {
            // The backend's own refusals, such as a name it reserves for uploads in progress.
            throw new UploadRejectedException(400, e.getMessage());
        } catch (FileAlreadyExistsException e) {
            throw new UploadRejectedException(409, e.getMessage());
        } finally {
            for (ArtifactUpload.Part file : files) {
                file.content().close();
            }
        }
    }

    private UploadRejectedException tooLarge() {
        return new UploadRejectedException(413, "The upload is larger than " + maxUploadMb + " MiB ("
                + StorageServletRegistration.MAX_UPLOAD_VARIABLE + ")");
    }
}
