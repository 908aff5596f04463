package dev.maestro.pipeline.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the upload endpoint, independent of the servlet that receives the request. The
 * contract is KernelCI's storage backend: {@code POST <api_url>/upload}, a multipart form with a
 * {@code path} field (the directory) and files in fields {@code file0}, {@code file1}…, each
 * stored under its own file name, and an {@code Authorization} header with the storage token.
 * The answer maps each file name to its public URL.
 */
public final class ArtifactUpload {
    /** The form field that names the destination directory. */
    public static final String PATH_FIELD = "path";
    /** File fields are named {@code file0}, {@code file1}… */
    public static final String FILE_FIELD_PREFIX = "file";

    private final ArtifactStorage storage;
    private final UploadToken token;

    public ArtifactUpload(ArtifactStorage storage, UploadToken token) {
        this.storage = storage;
        this.token = token;
    }

    /**
     * The token check alone, so that the endpoint can refuse a stranger before it receives the
     * body (which may be large); {@link #accept} checks again.
     *
     * @throws UploadRejectedException 401 without a valid token
     */
    public void authorize(String authorization) throws UploadRejectedException {
        if (!token.permits(authorization)) {
            throw new UploadRejectedException(401, token.isConfigured()
                    ? "Missing or wrong storage token"
                    : "Uploads are disabled: " + UploadToken.VARIABLE + " is not set on the server");
        }
    }

    /** One uploaded file: the name the client gave it and its bytes. */
    public record Part(String fileName, InputStream content) {
    }

    /**
     * Checks the request and stores every part under {@code directory}.
     *
     * @param directory the {@code path} form field; empty or null for the storage root
     * @throws UploadRejectedException 401 without a valid token, 400 for a bad path, name or an empty upload
     */
    public Map<String, URI> accept(String authorization, String directory, List<Part> parts)
            throws UploadRejectedException, IOException {
        authorize(authorization);
        if (parts.isEmpty()) {
            throw new UploadRejectedException(400, "No file in the upload (send files as file0, file1…)");
        }
        StoragePath dir;
        try {
            dir = StoragePath.of(directory == null ? "" : directory);
        } catch (IllegalArgumentException e) {
            throw new UploadRejectedException(400, "Bad path: " + e.getMessage());
        }
        Map<String, StoragePath> targets = new LinkedHashMap<>();
        for (Part part : parts) {
            try {
                targets.put(part.fileName(), dir.resolve(part.fileName()));
            } catch (IllegalArgumentException e) {
                throw new UploadRejectedException(400, "Bad file name: " + e.getMessage());
            }
        }
        Map<String, URI> urls = new LinkedHashMap<>();
        for (Part part : parts) {
            urls.put(part.fileName(), storage.put(targets.get(part.fileName()), part.content()));
        }
        return urls;
    }
}
