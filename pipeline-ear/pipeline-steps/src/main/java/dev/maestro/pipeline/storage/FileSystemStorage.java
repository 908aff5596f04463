package dev.maestro.pipeline.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Artifacts as files under one directory, served at {@code baseUrl}. Each write goes to a
 * hidden temporary file next to its target and is renamed into place. A symbolic link inside
 * the root that points outside it is treated as absent, so the root is a hard boundary.
 */
public final class FileSystemStorage implements ArtifactStorage {
    private static final String PARTIAL_PREFIX = ".maestro-upload-";

    private final Path root;
    private final URI baseUrl;

    /** Creates {@code root} if needed; {@code baseUrl} is its public URL and must end with {@code /}. */
    public FileSystemStorage(Path root, URI baseUrl) {
        if (!baseUrl.toString().endsWith("/")) {
            throw new IllegalArgumentException("The storage base URL must end with '/': " + baseUrl);
        }
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the storage directory " + root, e);
        }
        this.baseUrl = baseUrl;
    }

    public Path root() {
        return root;
    }

    @Override
    public URI put(StoragePath path, InputStream content) throws IOException {
        if (path.isRoot()) {
            throw new IllegalArgumentException("A file needs a name; the storage root is a directory");
        }
        if (path.fileName().startsWith(PARTIAL_PREFIX)) {
            throw new IllegalArgumentException("Names starting with " + PARTIAL_PREFIX + " are reserved for uploads in progress");
        }
        Path target = fileOf(path);
        Path parent = target.getParent();
        // Check the deepest directory that exists before creating any, so that a link inside the
        // root cannot make us create directories outside it.
        Path existing = parent;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        requireInside(existing.toRealPath());
        // Clashes get their own exception type, so that the upload endpoint answers 409, not 500.
        if (!Files.isDirectory(existing)) {
            throw new FileAlreadyExistsException(path.toString(), null, "a file in storage has the name of one of its directories");
        }
        Files.createDirectories(parent);
        requireInside(parent.toRealPath());
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(path.toString(), null, "a directory in storage has this name");
        }
        Path partial = Files.createTempFile(parent, PARTIAL_PREFIX, ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return publicUrl(path);
    }

    @Override
    public URI publicUrl(StoragePath path) {
        return URI.create(baseUrl + path.toUrlPath());
    }

    @Override
    public Optional<StoredFile> find(StoragePath path) throws IOException {
        Path file = fileOf(path);
        if (!Files.isRegularFile(file) || !isInside(file.toRealPath()) || isPartial(file)) {
            return Optional.empty();
        }
        return Optional.of(new LocalFile(path, file, Files.size(file), Files.getLastModifiedTime(file).toInstant()));
    }

    @Override
    public List<String> list(StoragePath directory) throws IOException {
        Path dir = fileOf(directory);
        if (!Files.isDirectory(dir) || !isInside(dir.toRealPath())) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !isPartial(p))
                    .filter(this::isInsideQuietly)
                    .map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .toList();
        }
    }

    private Path fileOf(StoragePath path) {
        return path.isRoot() ? root : root.resolve(path.toString());
    }

    private boolean isInside(Path real) {
        return real.startsWith(root);
    }

    private boolean isInsideQuietly(Path p) {
        try {
            return isInside(p.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private void requireInside(Path real) throws IOException {
        if (!isInside(real)) {
            throw new IOException("Refusing to write outside the storage root through a link: " + real);
        }
    }

    private static boolean isPartial(Path p) {
        return p.getFileName().toString().startsWith(PARTIAL_PREFIX);
    }

    private record LocalFile(StoragePath path, Path file, long size, Instant lastModified) implements StoredFile {
        @Override
        public String contentType() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".gz") || name.endsWith(".tgz")) {
                return "application/gzip";
            }
            if (name.endsWith(".json")) {
                return "application/json";
            }
            if (name.endsWith(".log") || name.endsWith(".txt") || name.endsWith(".yaml") || name.endsWith(".sh")) {
                return "text/plain; charset=utf-8";
            }
            return "application/octet-stream";
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
