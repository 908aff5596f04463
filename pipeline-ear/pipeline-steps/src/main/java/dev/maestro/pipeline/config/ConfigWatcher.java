package dev.maestro.pipeline.config;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps the pipeline configuration current without a restart. {@link #open} loads the file and
 * fails if it is invalid (the server must not start on a bad configuration); {@link #refresh}
 * reloads it when its content has changed, and when the new content is invalid keeps the last
 * good configuration and reports why. Change is detected by content, not by timestamps, so an
 * edit within the same second is not missed. The caller decides when to refresh (a timer),
 * so no thread is started here.
 */
public final class ConfigWatcher {
    private static final Logger LOG = Logger.getLogger(ConfigWatcher.class.getName());

    /** What a refresh did. */
    public enum Outcome {
        /** The content is the same as last time (good or bad). */
        UNCHANGED,
        /** New, valid content is now current. */
        RELOADED,
        /** New content is invalid; the previous configuration stays current. */
        REJECTED
    }

    private final Path file;
    private final ConfigLoader loader;
    private volatile PipelineConfig current;
    private volatile ConfigException lastError;
    /** Digest of the content seen last, valid or not; null after a failed read, so any content is new. */
    private byte[] lastDigest;

    private ConfigWatcher(Path file, ConfigLoader loader, PipelineConfig current, byte[] digest) {
        this.file = file;
        this.loader = loader;
        this.current = current;
        this.lastDigest = digest;
    }

    /**
     * Loads {@code file} for the first time.
     *
     * @throws ConfigException when the file cannot be read or is invalid
     */
    public static ConfigWatcher open(Path file, ConfigLoader loader) {
        byte[] content = ConfigLoader.readFile(file);
        PipelineConfig config = loader.parse(file, content);
        LOG.info("Loaded pipeline configuration " + config.source());
        return new ConfigWatcher(file, loader, config, digest(content));
    }

    /** The last valid configuration. */
    public PipelineConfig current() {
        return current;
    }

    /** Why the file's current content was rejected, while it is. */
    public Optional<ConfigException> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Reloads the file if its content changed since the last call. */
    public synchronized Outcome refresh() {
        byte[] content;
        try {
            content = ConfigLoader.readFile(file);
        } catch (ConfigException e) {
            return reject(null, e);
        }
        byte[] digest = digest(content);
        if (lastDigest != null && MessageDigest.isEqual(digest, lastDigest)) {
            return Outcome.UNCHANGED;
        }
        try {
            current = loader.parse(file, content);
            lastDigest = digest;
            lastError = null;
            LOG.info("Reloaded pipeline configuration " + current.source());
            return Outcome.RELOADED;
        } catch (ConfigException e) {
            return reject(digest, e);
        }
    }

    private Outcome reject(byte[] digest, ConfigException error) {
        boolean sameAsBefore = lastError != null && lastError.getMessage().equals(error.getMessage());
        lastError = error;
        lastDigest = digest;
        if (sameAsBefore) {
            return Outcome.UNCHANGED;
        }
        LOG.warning(error.getMessage() + "\nKeeping the previous configuration.");
        return Outcome.REJECTED;
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
