package dev.maestro.api.auth;

import dev.maestro.security.AccessTokenVerifier;
import dev.maestro.security.AccessTokenVerifier.Verified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Access tokens already verified, so that a client sending the same token again does not pay
 * for an RSA signature check each time: the user id of a token is kept until the token expires,
 * at most {@link #HOLD}. Refused tokens are not kept: they are checked again each time, as
 * before, and cannot fill the cache.
 */
@ApplicationScoped
public class VerifiedTokens {
    private static final String BEARER = "Bearer ";
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final int CAPACITY = 10_000;

    private final Clock clock = Clock.systemUTC();
    private final ExpiringCache<String, String> subjects = new ExpiringCache<>(CAPACITY, clock);

    @Inject
    AccessTokenVerifier verifier;

    /** The user id of a valid token of this deployment; empty for anything else. */
    public Optional<String> subject(String token) {
        Optional<String> known = subjects.get(token);
        if (known.isPresent()) {
            return known;
        }
        Optional<Verified> verified = verifier.verify(token);
        verified.ifPresent(v -> subjects.put(token, v.subject(), earlier(v.expires(), clock.instant().plus(HOLD))));
        return verified.map(Verified::subject);
    }

    /** The token of an {@code Authorization: Bearer} header; null for no header or any other scheme. */
    public static String bearerToken(String authorization) {
        return authorization == null || !authorization.startsWith(BEARER) ? null : authorization.substring(BEARER.length());
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
