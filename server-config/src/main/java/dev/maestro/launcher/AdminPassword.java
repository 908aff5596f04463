package dev.maestro.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The first admin's password when {@code KCI_INITIAL_PASSWORD} is unset: generated once and kept
 * in the data directory (owner-only), so that the password printed at every start stays the one
 * the admin was created with.
 */
final class AdminPassword {
    static final String FILE = "initial-admin-password";

    private AdminPassword() {
    }

    record Resolved(String password, boolean generated, Path file) {
    }

    static Resolved resolve(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new Resolved(Files.readString(file).trim(), true, file);
            }
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, password + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return new Resolved(password, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated admin password in " + file, e);
        }
    }
}
