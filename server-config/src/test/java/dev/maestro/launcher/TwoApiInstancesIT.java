package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Two API instances started by the launcher at the same time on one MongoDB-wire server and one
 * Redis, each with its own data directory and no key directory or admin password given: a token
 * from either works on the other (they share the key pair through MongoDB), and only the instance
 * whose generated password created the admin prints it; the other says why it cannot.
 */
class TwoApiInstancesIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("admin password: (\\S+)  \\(generated");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void tokensWorkAcrossInstancesAndOnlyTheCreatorPrintsTheAdminPassword() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int redisPort = EmbeddedBackends.freePort();
        RedisServer redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        Map<String, String> shared = Map.of("MAESTRO_ROLE", "api", "MONGO_SERVICE", mongo.bindAndGetConnectionString(),
                "REDIS_HOST", "127.0.0.1:" + redisPort);
        try (LaunchedInstance a = LaunchedInstance.start(HOME, dir.resolve("a"), EmbeddedBackends.freePort(), shared);
             LaunchedInstance b = LaunchedInstance.start(HOME, dir.resolve("b"), EmbeddedBackends.freePort(), shared)) {
            String logA = a.awaitBanner();
            String logB = b.awaitBanner();
            Matcher inA = PRINTED_PASSWORD.matcher(logA);
            Matcher inB = PRINTED_PASSWORD.matcher(logB);
            assertThat(inA.find() ^ inB.find()).as("exactly one instance prints a password:\n%s\n%s", logA, logB).isTrue();
            LaunchedInstance creator = inA.find(0) ? a : b;
            LaunchedInstance other = creator == a ? b : a;
            String password = (creator == a ? inA : inB).group(1);
            assertThat(other.log()).contains("admin user:     not created by this instance: the database already had an admin");

            String fromCreator = token(creator, password);
            String fromOther = token(other, password);
            assertThat(whoami(other, fromCreator)).as("creator's token on the other instance").isEqualTo(200);
            assertThat(whoami(creator, fromOther)).as("other's token on the creator").isEqualTo(200);
            assertThat(whoami(creator, "not-a-token")).isEqualTo(401);
        } finally {
            redis.stop();
            mongo.shutdownNow();
        }
    }

    private String token(LaunchedInstance instance, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(instance.url + "/latest/user/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    private int whoami(LaunchedInstance instance, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.url + "/latest/whoami")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
