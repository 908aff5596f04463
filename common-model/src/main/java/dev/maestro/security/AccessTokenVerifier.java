package dev.maestro.security;

import dev.maestro.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the access tokens {@link TokenIssuer} mints, for the API and for the pipeline's service
 * API: the header must say RS256 (so a single-purpose HS256 token never
 * passes, whatever its key), the signature must verify with the public half of the signing
 * key, and {@code iss} and {@code exp} must be this deployment's and still in the future.
 */
public final class AccessTokenVerifier {
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final PublicKey key;
    private final String issuer;
    private final Clock clock;

    public AccessTokenVerifier(PublicKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A valid token's user id ({@code sub}) and the instant it expires ({@code exp}). */
    public record Verified(String subject, Instant expires) {
    }

    /** The user id ({@code sub}) of a valid token; empty for anything else. */
    public Optional<String> subject(String token) {
        return verify(token).map(Verified::subject);
    }

    /** What a valid token says; empty for anything else. */
    public Optional<Verified> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Map<String, Object> header = Json.readMap(decode(parts[0]));
            if (!"RS256".equals(header.get("alg")) || !signatureHolds(parts[0] + "." + parts[1], B64.decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = Json.readMap(decode(parts[1]));
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= clock.instant().getEpochSecond()
                    || !issuer.equals(claims.get("iss")) || !(claims.get("sub") instanceof String subject)) {
                return Optional.empty();
            }
            return Optional.of(new Verified(subject, Instant.ofEpochSecond(exp.longValue())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean signatureHolds(String signingInput, byte[] signature) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String decode(String part) {
        return new String(B64.decode(part), StandardCharsets.UTF_8);
    }
}
