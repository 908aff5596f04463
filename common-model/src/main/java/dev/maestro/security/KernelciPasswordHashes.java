package dev.maestro.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes written by KernelCI's API (fastapi-users): bcrypt ({@code $2b$12$…}, also
 * {@code $2a$}/{@code $2y$}) in older versions and Argon2 in the PHC string format of
 * argon2-cffi ({@code $argon2id$v=19$m=65536,t=3,p=4$salt$hash}) in newer ones. Verified with
 * Bouncy Castle (pure Java), so users of an adopted KernelCI database keep their passwords;
 * {@link PasswordHasher} replaces such a hash with its own on the next successful login.
 */
final class KernelciPasswordHashes {
    private static final Pattern ARGON2 = Pattern.compile(
            "\\$(argon2id|argon2i|argon2d)\\$v=(\\d+)\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private KernelciPasswordHashes() {
    }

    static boolean isKernelci(String stored) {
        return isBcrypt(stored) || stored.startsWith("$argon2");
    }

    static boolean verify(String password, String stored) {
        if (isBcrypt(stored)) {
            try {
                return OpenBSDBCrypt.checkPassword(stored, password.toCharArray());
            } catch (IllegalArgumentException | DataLengthException e) {
                return false;
            }
        }
        Matcher m = ARGON2.matcher(stored);
        return m.matches() && verifyArgon2(password, m);
    }

    private static boolean isBcrypt(String stored) {
        return stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$");
    }

    private static boolean verifyArgon2(String password, Matcher m) {
        int type = switch (m.group(1)) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        try {
            // argon2-cffi writes salt and hash in Base64 without padding.
            byte[] salt = Base64.getDecoder().decode(pad(m.group(6)));
            byte[] expected = Base64.getDecoder().decode(pad(m.group(7)));
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(type)
                    .withVersion(Integer.parseInt(m.group(2)))
                    .withMemoryAsKB(Integer.parseInt(m.group(3)))
                    .withIterations(Integer.parseInt(m.group(4)))
                    .withParallelism(Integer.parseInt(m.group(5)))
                    .withSalt(salt)
                    .build());
            byte[] actual = new byte[expected.length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), actual);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String pad(String base64) {
        return base64 + "==".substring(0, (4 - base64.length() % 4) % 4);
    }
}
