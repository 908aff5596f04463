package dev.maestro.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.maestro.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 JWTs with the claims MicroProfile JWT requires ({@code iss}, {@code sub},
 * {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}). Payara accepts only
 * RS256/ES256, which is why KernelCI's HS256 tokens are not reproduced.
 */
public final class TokenIssuer {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;

    public TokenIssuer(PrivateKey key, String issuer, Duration lifetime) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    /** An access token for a user: {@code sub} is the user id, {@code upn} the username. */
    public String accessToken(String userId, String username, List<String> roles) {
        Instant now = Instant.now();
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put("iss", issuer);
        claims.put("sub", userId);
        claims.put("upn", username);
        claims.putPOJO("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        String payload = B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + B64.encodeToString(sign(signingInput));
    }

    private byte[] sign(String input) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
