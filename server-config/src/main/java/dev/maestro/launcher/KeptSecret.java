package dev.maestro.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret the operator did not give (the first admin's password when {@code KCI_INITIAL_PASSWORD}
 * is unset, the storage upload token when {@code MAESTRO_STORAGE_TOKEN} is): generated once and
 * kept in the data directory (owner-only), so that it stays the same across restarts.
 */
final class KeptSecret {
    static final String ADMIN_PASSWORD = "initial-admin-password";
    static final String STORAGE_TOKEN = "storage-token";

    private KeptSecret() {
    }

    /** @param file where a generated value is kept; null when the operator gave it */
    record Resolved(String value, boolean generated, Path file) {
    }

    static Resolved resolve(Path dataDir, String fileName) {
        Path file = dataDir.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return new Resolved(Files.readString(file).trim(), true, file);
            }
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, value + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return new Resolved(value, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a generated secret in " + file, e);
        }
    }
}
