package dev.maestro.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in the text format of Jakarta Security's
 * {@code Pbkdf2PasswordHash} ({@code algorithm:iterations:salt:hash}, Base64), computed with the
 * JDK so that the plain common-model jar (and the pipeline) need no CDI container to use it.
 * KernelCI's bcrypt and Argon2 hashes (users of an adopted database) are verified too, and
 * {@link #needsRehash} says to replace them with ours once the password is known to be right.
 */
public final class PasswordHasher {
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, ITERATIONS, KEY_BITS);
        Base64.Encoder b64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    }

    public boolean verify(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        if (KernelciPasswordHashes.isKernelci(stored)) {
            return KernelciPasswordHashes.verify(password, stored);
        }
        String[] parts = stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations, expected.length * 8));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a verified hash should be replaced by {@link #hash} (it is KernelCI's, not ours). */
    public boolean needsRehash(String stored) {
        return stored != null && !stored.startsWith(ALGORITHM + ":");
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
