package dev.maestro.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the API and the pipeline's service API accept as an access token: only what this deployment's issuer minted, unexpired. */
class AccessTokenVerifierTest {
    private static final KeyPair PAIR = pair();
    private static final Duration HOUR = Duration.ofHours(1);

    private final AccessTokenVerifier verifier = new AccessTokenVerifier(PAIR.getPublic(), "maestro", Clock.systemUTC());

    @Test
    void aMintedTokenNamesItsUser() {
        String token = new TokenIssuer(PAIR.getPrivate(), "maestro", HOUR).accessToken("u1", "alice", List.of("user"));
        assertThat(verifier.subject(token)).contains("u1");
    }

    @Test
    void aMintedTokenTellsWhenItExpires() {
        Instant before = Instant.now().plus(HOUR).minusSeconds(1);
        String token = new TokenIssuer(PAIR.getPrivate(), "maestro", HOUR).accessToken("u1", "alice", List.of("user"));
        AccessTokenVerifier.Verified verified = verifier.verify(token).orElseThrow();
        assertThat(verified.subject()).isEqualTo("u1");
        assertThat(verified.expires()).isBetween(before, Instant.now().plus(HOUR));
    }

    @Test
    void expiredOtherIssuerOrOtherKeyTokensAreRefused() {
        assertThat(verifier.subject(new TokenIssuer(PAIR.getPrivate(), "maestro", Duration.ofSeconds(-5))
                .accessToken("u1", "alice", List.of("user")))).isEmpty();
        assertThat(verifier.subject(new TokenIssuer(PAIR.getPrivate(), "elsewhere", HOUR)
                .accessToken("u1", "alice", List.of("user")))).isEmpty();
        assertThat(verifier.subject(new TokenIssuer(pair().getPrivate(), "maestro", HOUR)
                .accessToken("u1", "alice", List.of("user")))).isEmpty();
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        assertThat(new AccessTokenVerifier(PAIR.getPublic(), "maestro", later)
                .subject(new TokenIssuer(PAIR.getPrivate(), "maestro", HOUR).accessToken("u1", "alice", List.of("user")))).isEmpty();
    }

    @Test
    void aChangedPayloadOrAnotherAlgorithmIsRefused() {
        String token = new TokenIssuer(PAIR.getPrivate(), "maestro", HOUR).accessToken("u1", "alice", List.of("user"));
        String[] parts = token.split("\\.");
        String forgedPayload = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("u1", "u2"));
        assertThat(verifier.subject(parts[0] + "." + forgedPayload + "." + parts[2])).isEmpty();
        assertThat(verifier.subject(b64("{\"alg\":\"none\"}") + "." + parts[1] + ".")).isEmpty();
        String purpose = PurposeTokens.derivedFrom(PAIR.getPrivate(), Clock.systemUTC()).mint("reset", "u1", "x", HOUR);
        assertThat(verifier.subject(purpose)).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        assertThat(verifier.subject(null)).isEmpty();
        assertThat(verifier.subject("")).isEmpty();
        assertThat(verifier.subject("a.b.c")).isEmpty();
        assertThat(verifier.subject("not a token")).isEmpty();
        assertThat(verifier.subject("%%%.%%%.%%%")).isEmpty();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair pair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
