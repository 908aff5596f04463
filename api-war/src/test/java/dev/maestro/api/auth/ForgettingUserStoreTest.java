package dev.maestro.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.maestro.user.User;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A change to a user made through this instance holds for the user's next request, not a second later. */
class ForgettingUserStoreTest {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final RecentUsers recent = new RecentUsers(Clock.systemUTC());
    private final ForgettingUserStore store = new ForgettingUserStore(client.getDatabase("kernelci"), recent);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void deactivatingForgetsTheRecentUser() {
        User alice = remembered("alice");
        store.update(alice, new User(alice.id(), alice.email(), alice.username(), alice.hashedPassword(),
                false, false, true, List.of()));
        assertThat(recent.get(alice.id())).isEmpty();
    }

    @Test
    void deletingOrVerifyingForgetsTheRecentUser() {
        User bob = remembered("bob");
        store.markVerified(bob.id(), bob.email());
        assertThat(recent.get(bob.id())).isEmpty();
        recent.put(bob);
        store.delete(bob.id());
        assertThat(recent.get(bob.id())).isEmpty();
    }

    private User remembered(String name) {
        User user = store.insert(new User(null, name + "@example.org", name, "hash", true, false, false, List.of()));
        recent.put(user);
        assertThat(recent.get(user.id())).contains(user);
        return user;
    }
}
