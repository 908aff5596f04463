package dev.maestro.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair that signs access tokens, kept as PEM files ({@code privateKey.pem} in
 * PKCS#8, {@code publicKey.pem} in X.509) readable by any JWT library (the API's and the
 * pipeline's {@link AccessTokenVerifier} read the public half).
 */
public final class KeyFiles {
    public static final String PRIVATE_KEY = "privateKey.pem";
    public static final String PUBLIC_KEY = "publicKey.pem";

    /** Both halves of a pair as PEM text, the form the files and the shared copy in MongoDB hold. */
    public record PemPair(String privatePem, String publicPem) {
    }

    private KeyFiles() {
    }

    /** Creates a 2048-bit pair in {@code dir} unless one is already there; returns the directory. */
    public static Path ensure(Path dir) {
        if (read(dir).isEmpty()) {
            write(dir, generate());
        }
        return dir;
    }

    /** A new 2048-bit pair. */
    public static PemPair generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            return new PemPair(pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The pair in {@code dir}, if both files are there. */
    public static Optional<PemPair> read(Path dir) {
        Path priv = dir.resolve(PRIVATE_KEY);
        Path pub = dir.resolve(PUBLIC_KEY);
        if (!Files.exists(priv) || !Files.exists(pub)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PemPair(Files.readString(priv, StandardCharsets.US_ASCII), Files.readString(pub, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token key pair in " + dir, e);
        }
    }

    /**
     * Writes the pair into {@code dir}, each file replaced atomically (the private one readable by
     * its owner only), so a reader never sees half a key.
     */
    public static void write(Path dir, PemPair pair) {
        try {
            Files.createDirectories(dir);
            replace(dir, PUBLIC_KEY, pair.publicPem());
            replace(dir, PRIVATE_KEY, pair.privatePem());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token key pair in " + dir, e);
        }
    }

    private static void replace(Path dir, String name, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, "key", ".tmp");
        restrict(tmp);
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static PrivateKey readPrivateKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(derOf(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA private key: " + file, e);
        }
    }

    public static PublicKey readPublicKey(Path file) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(derOf(file)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an X.509 RSA public key: " + file, e);
        }
    }

    private static byte[] derOf(Path file) {
        try {
            String body = Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return Base64.getDecoder().decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file, e);
        }
    }

    private static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own protection is all there is.
        }
    }
}
