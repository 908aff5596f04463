package dev.maestro.pipeline.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may upload: the holder of the storage token. The {@code Authorization} header may carry
 * it as {@code Bearer <token>} or bare (KernelCI's storage client sends its credentials as the
 * whole header value). Comparison takes the same time whatever the guess. With no token
 * configured nobody may upload: storage must never be open for writing by accident.
 */
public final class UploadToken {
    /** The environment variable that holds the token (never the YAML file). */
    public static final String VARIABLE = "MAESTRO_STORAGE_TOKEN";

    private final byte[] expected;

    public UploadToken(String token) {
        this.expected = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    public boolean isConfigured() {
        return expected != null;
    }

    public boolean permits(String authorizationHeader) {
        if (expected == null || authorizationHeader == null) {
            return false;
        }
        String value = authorizationHeader.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            value = value.substring("bearer ".length()).strip();
        }
        return MessageDigest.isEqual(expected, sha256(value));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
