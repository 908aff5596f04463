package dev.maestro.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import dev.maestro.testing.LocalBackends;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedTokenKeysTest {
    private static LocalBackends backends;
    private static MongoDatabase db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        db = backends.mongo().database();
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    @BeforeEach
    void empty() {
        db.drop();
    }

    @Test
    void aTokenIssuedByOneInstanceVerifiesWithAnotherInstancesPublicKey() throws Exception {
        Path a = SharedTokenKeys.syncInto(db, tmp.resolve("a"));
        Path b = SharedTokenKeys.syncInto(db, tmp.resolve("b"));
        String token = new TokenIssuer(KeyFiles.readPrivateKey(a.resolve(KeyFiles.PRIVATE_KEY)), "maestro", Duration.ofMinutes(5))
                .accessToken("u1", "alice", List.of());
        assertThat(verifies(token, b)).isTrue();
        assertThat(verifies(token, KeyFiles.ensure(tmp.resolve("unshared")))).isFalse();
    }

    @Test
    void theFirstInstancesExistingPairIsTheOneShared() {
        Path first = KeyFiles.ensure(tmp.resolve("first"));
        KeyFiles.PemPair before = KeyFiles.read(first).orElseThrow();
        SharedTokenKeys.syncInto(db, first);
        SharedTokenKeys.syncInto(db, tmp.resolve("second"));
        assertThat(KeyFiles.read(first)).contains(before);
        assertThat(KeyFiles.read(tmp.resolve("second"))).contains(before);
    }

    @Test
    void aLaterInstancesOwnPairIsReplacedByTheSharedOne() {
        KeyFiles.PemPair shared = KeyFiles.read(SharedTokenKeys.syncInto(db, tmp.resolve("first"))).orElseThrow();
        Path late = KeyFiles.ensure(tmp.resolve("late"));
        assertThat(KeyFiles.read(late)).isNotEqualTo(java.util.Optional.of(shared));
        SharedTokenKeys.syncInto(db, late);
        assertThat(KeyFiles.read(late)).contains(shared);
    }

    @Test
    void instancesStartingTogetherAllEndWithTheSamePair() throws Exception {
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<KeyFiles.PemPair>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Path dir = tmp.resolve("racer-" + i);
                Callable<KeyFiles.PemPair> racer = () -> KeyFiles.read(SharedTokenKeys.syncInto(db, dir)).orElseThrow();
                results.add(pool.submit(racer));
            }
            KeyFiles.PemPair first = results.get(0).get();
            for (Future<KeyFiles.PemPair> r : results) {
                assertThat(r.get()).isEqualTo(first);
            }
            assertThat(db.getCollection(dev.maestro.store.ScaleOutCollections.SHARED_KEYS).countDocuments()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean verifies(String token, Path keyDir) throws Exception {
        String[] parts = token.split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(KeyFiles.readPublicKey(keyDir.resolve(KeyFiles.PUBLIC_KEY)));
        s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return s.verify(Base64.getUrlDecoder().decode(parts[2]));
    }
}
