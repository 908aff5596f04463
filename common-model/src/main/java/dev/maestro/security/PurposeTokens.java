package dev.maestro.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maestro.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Single-purpose tokens sent by e-mail (verify an address, reset a password): JWTs naming the
 * purpose in {@code aud}, the user in {@code sub}, and a binding in {@code bnd} — a value the
 * service compares with the user's current state, so that a token stops working once what it
 * was issued for has changed (the password it resets, the address it verifies).
 * <p>
 * They are HS256 on purpose: {@link AccessTokenVerifier} accepts only RS256, so such a token
 * can never be used as an access token, and an access token never passes here.
 */
public final class PurposeTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;

    public PurposeTokens(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.clock = clock;
    }

    /**
     * Tokens keyed from the access-token signing key, so every API instance sharing that key
     * accepts the others' tokens and no second secret has to be configured or kept.
     */
    public static PurposeTokens derivedFrom(PrivateKey signingKey, Clock clock) {
        return new PurposeTokens(hmac(signingKey.getEncoded(), "maestro purpose tokens v1"), clock);
    }

    /** What a valid token says: the user it was issued to and the value it is bound to. */
    public record Claims(String subject, String binding) {
    }

    public String mint(String purpose, String subject, String binding, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("aud", purpose);
        claims.put("sub", subject);
        claims.put("bnd", binding);
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        String signingInput = HEADER + "." + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(hmac(key.getEncoded(), signingInput));
    }

    /** The claims of a well-signed, unexpired token for this purpose; empty for anything else. */
    public Optional<Claims> read(String token, String purpose) {
        return verified(token).filter(claims -> purpose.equals(claims.get("aud"))
                && claims.get("sub") instanceof String && claims.get("bnd") instanceof String)
                .map(claims -> new Claims((String) claims.get("sub"), (String) claims.get("bnd")));
    }

    /**
     * The purpose of a well-signed, unexpired token, whatever it is: lets a flow tell a token
     * meant for another one from a forged or expired token, as KernelCI's invites do.
     */
    public Optional<String> purposeOf(String token) {
        return verified(token).map(claims -> claims.get("aud")).filter(String.class::isInstance).map(String.class::cast);
    }

    private Optional<Map<String, Object>> verified(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !HEADER.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, hmac(key.getEncoded(), parts[0] + "." + parts[1]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = Json.readMap(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A one-way fingerprint of a secret value (a password hash) to bind a token to without
     * putting the value itself into a mail.
     */
    public static String fingerprint(String value) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] secret, String input) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }
}
