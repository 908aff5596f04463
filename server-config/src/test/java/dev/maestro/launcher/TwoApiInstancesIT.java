package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API instances started by the launcher at the same time on one MongoDB-wire server and one
 * Redis, each with its own data directory and no key directory or admin password given: a token
 * from either works on the other (they share the key pair through MongoDB), and only the instance
 * whose generated password created the admin prints it; the other says why it cannot. The
 * listener's own refusals answer JSON (the launcher adds http-edge to Payara's class path).
 */
class TwoApiInstancesIT {
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("admin password: (\\S+)  \\(generated");

    @TempDir
    Path dir;

    @Test
    void tokensWorkAcrossInstancesAndOnlyTheCreatorPrintsTheAdminPassword() throws Exception {
        try (MongoAndRedis backends = new MongoAndRedis();
             LaunchedInstance a = LaunchedInstance.start(LaunchedInstance.HOME, dir.resolve("a"), EmbeddedBackends.freePort(), backends.apiSettings());
             LaunchedInstance b = LaunchedInstance.start(LaunchedInstance.HOME, dir.resolve("b"), EmbeddedBackends.freePort(), backends.apiSettings())) {
            String logA = a.awaitBanner();
            String logB = b.awaitBanner();
            Matcher inA = PRINTED_PASSWORD.matcher(logA);
            Matcher inB = PRINTED_PASSWORD.matcher(logB);
            assertThat(inA.find() ^ inB.find()).as("exactly one instance prints a password:\n%s\n%s", logA, logB).isTrue();
            LaunchedInstance creator = inA.find(0) ? a : b;
            LaunchedInstance other = creator == a ? b : a;
            String password = (creator == a ? inA : inB).group(1);
            assertThat(other.log()).contains("admin user:     not created by this instance: the database already had an admin");

            String fromCreator = creator.api().login("admin", password);
            String fromOther = other.api().login("admin", password);
            assertThat(other.api().as(fromCreator).get("/latest/whoami").status()).as("creator's token on the other instance").isEqualTo(200);
            assertThat(creator.api().as(fromOther).get("/latest/whoami").status()).as("other's token on the creator").isEqualTo(200);
            assertThat(creator.api().as("not-a-token").get("/latest/whoami").status()).isEqualTo(401);

            // The launcher puts http-edge on Payara's class path: the listener's own refusals are JSON too.
            ApiResponse backslash = a.api().get("/latest/node/a%5Cb");
            assertThat(backslash.status()).as("%s", backslash).isEqualTo(400);
            // Java's HTTP client asks for HTTP/2 (h2c) first: the answer must be JSON on that path too.
            assertThat(backslash.body()).as("%s", backslash).contains("backslash");
        }
    }
}
