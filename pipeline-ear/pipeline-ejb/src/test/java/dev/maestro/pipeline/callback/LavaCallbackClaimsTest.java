package dev.maestro.pipeline.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testing.LocalBackends;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A callback is taken once however many deliveries race for it, against a real MongoDB-wire server. */
class LavaCallbackClaimsTest {
    private static LocalBackends backends;
    private static LavaCallbackClaims claims;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        claims = new LavaCallbackClaims();
        claims.mongo = backends.mongo();
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    @Test
    void ofDeliveriesRacingForOneNodeExactlyOneClaimsIt() throws Exception {
        int deliveries = 8;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                Callable<Boolean> delivery = () -> {
                    go.await();
                    return claims.claim("6b0000000000000000000abc", "1000");
                };
                results.add(pool.submit(delivery));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReleasedClaimCanBeTakenAgainAndOtherNodesAreIndependent() {
        assertThat(claims.claim("6b0000000000000000000def", "1")).isTrue();
        assertThat(claims.claim("6b0000000000000000000def", "1")).isFalse();
        assertThat(claims.claim("6b0000000000000000000fed", "2")).isTrue();
        claims.release("6b0000000000000000000def");
        assertThat(claims.claim("6b0000000000000000000def", "1")).isTrue();
    }
}
