package dev.maestro.pipeline.web.storage;

import dev.maestro.pipeline.config.ConfigLoader;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.ArtifactUpload;
import dev.maestro.pipeline.storage.StoragePath;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code /pipeline/storage/*}: GET and HEAD read stored files and directory indexes,
 * {@code POST /pipeline/storage/upload} stores files; anything else is 405. Answers 404 while
 * the pipeline has no configuration, hence no storage. Registered by
 * {@link StorageServletRegistration}, which sets its upload limit.
 */
public class StorageServlet extends HttpServlet {
    static final String MAPPING = "/storage/*";
    /** The init parameter that carries the upload limit in MiB. */
    static final String MAX_UPLOAD_MB_PARAMETER = "maxUploadMb";

    private static final StoragePath UPLOAD = StoragePath.of("upload");

    @Inject
    PipelineSettings settings;

    private long maxUploadMb;

    @Override
    public void init() {
        maxUploadMb = Long.parseLong(getInitParameter(MAX_UPLOAD_MB_PARAMETER));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RequestedPath requested;
        try {
            requested = RequestedPath.parse(req.getRequestURI(), req.getContextPath(), req.getServletPath());
        } catch (IllegalArgumentException e) {
            JsonReply.detail(resp, 400, "Bad path: " + e.getMessage());
            return;
        }
        String method = req.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean upload = requested.isFile(UPLOAD);
        if (!read && !(upload && method.equals("POST"))) {
            resp.setHeader("Allow", upload ? "GET, HEAD, POST" : "GET, HEAD");
            JsonReply.detail(resp, 405, "Method Not Allowed");
            return;
        }
        Optional<ArtifactStorage> storage = settings.storage();
        if (storage.isEmpty()) {
            JsonReply.detail(resp, 404, "The pipeline has no storage configured: set " + ConfigLoader.PATH_VARIABLE
                    + " to a pipeline configuration with a storage section");
        } else if (read) {
            new StorageReader(storage.get()).answer(requested, req, resp);
        } else {
            new UploadReceiver(new ArtifactUpload(storage.get(), settings.uploadToken()), maxUploadMb).answer(req, resp);
        }
    }
}
