package dev.maestro.pipeline.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where artifacts (tarballs, binaries, logs) are kept and under which public URL they are read.
 * Writes replace whole files atomically, so a reader sees the old file or the new one, never a
 * part. Implementations: {@link FileSystemStorage}; S3-like ones can follow.
 */
public interface ArtifactStorage {

    /**
     * Stores {@code content} (read to its end, not closed) at {@code path}; returns the public URL.
     *
     * @throws java.nio.file.FileAlreadyExistsException when a directory is stored at that path, or
     *                                                  a file where one of its directories would go
     */
    URI put(StoragePath path, InputStream content) throws IOException;

    /** Stores a local file at {@code path}; returns the public URL. */
    default URI put(StoragePath path, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(path, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + file + " as " + path, e);
        }
    }

    /** The public URL of {@code path}, whether or not something is stored there. */
    URI publicUrl(StoragePath path);

    /** The file at {@code path}, if there is one (directories are not files). */
    Optional<StoredFile> find(StoragePath path) throws IOException;

    /** The names directly under {@code directory}, sorted; sub-directories end with {@code /}. */
    List<String> list(StoragePath directory) throws IOException;
}
