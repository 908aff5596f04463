package dev.maestro.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PurposeTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static PrivateKey signingKey;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        signingKey = gen.generateKeyPair().getPrivate();
    }

    private static PurposeTokens tokens(Clock clock) {
        return PurposeTokens.derivedFrom(signingKey, clock);
    }

    @Test
    void aMintedTokenReadsBackItsSubjectAndBinding() {
        String token = tokens(CLOCK).mint("reset", "user-1", "bound-to", Duration.ofHours(1));
        assertThat(tokens(CLOCK).read(token, "reset")).contains(new PurposeTokens.Claims("user-1", "bound-to"));
    }

    @Test
    void aTokenIsValidOnlyForItsPurpose() {
        String token = tokens(CLOCK).mint("reset", "user-1", "b", Duration.ofHours(1));
        assertThat(tokens(CLOCK).read(token, "verify")).isEmpty();
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = tokens(CLOCK).mint("reset", "user-1", "b", Duration.ofHours(1));
        Clock justBefore = Clock.fixed(NOW.plusSeconds(3599), ZoneOffset.UTC);
        Clock atExpiry = Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC);
        assertThat(tokens(justBefore).read(token, "reset")).isPresent();
        assertThat(tokens(atExpiry).read(token, "reset")).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String token = new PurposeTokens("another secret".getBytes(StandardCharsets.UTF_8), CLOCK)
                .mint("reset", "user-1", "b", Duration.ofHours(1));
        assertThat(tokens(CLOCK).read(token, "reset")).isEmpty();
    }

    @Test
    void aChangedPayloadOrSignatureIsRefused() {
        String token = tokens(CLOCK).mint("reset", "user-1", "b", Duration.ofHours(1));
        String[] parts = token.split("\\.");
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("user-1", "user-2").getBytes(StandardCharsets.UTF_8));
        String flipped = parts[2].charAt(0) == 'A' ? "B" + parts[2].substring(1) : "A" + parts[2].substring(1);
        assertThat(tokens(CLOCK).read(parts[0] + "." + otherUser + "." + parts[2], "reset")).isEmpty();
        assertThat(tokens(CLOCK).read(parts[0] + "." + parts[1] + "." + flipped, "reset")).isEmpty();
    }

    @Test
    void anAccessTokenIsNeverAPurposeToken() {
        String access = new TokenIssuer(signingKey, "maestro", Duration.ofHours(1)).accessToken("user-1", "alice", List.of("user"));
        assertThat(tokens(CLOCK).read(access, "reset")).isEmpty();
    }

    @Test
    void garbageIsRefusedWithoutAnError() {
        for (String garbage : new String[] {null, "", "a.b", "a.b.c", "...", "not a token", "x.y.z.w"}) {
            assertThat(tokens(CLOCK).read(garbage, "reset")).as(String.valueOf(garbage)).isEmpty();
        }
    }

    @Test
    void theFingerprintIsStableAndDiffersPerValue() {
        assertThat(PurposeTokens.fingerprint("hash-a")).isEqualTo(PurposeTokens.fingerprint("hash-a"))
                .isNotEqualTo(PurposeTokens.fingerprint("hash-b"))
                .doesNotContain("hash-a");
    }
}
