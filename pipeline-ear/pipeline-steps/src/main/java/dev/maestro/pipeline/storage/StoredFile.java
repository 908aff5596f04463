package dev.maestro.pipeline.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** A file in storage, as the read-only endpoint serves it. */
public interface StoredFile {
    StoragePath path();

    long size();

    Instant lastModified();

    /** A content type for serving: gzip, plain text for logs, or octet-stream. */
    String contentType();

    InputStream open() throws IOException;
}
