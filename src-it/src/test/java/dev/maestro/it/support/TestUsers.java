package dev.maestro.it.support;

import dev.maestro.security.PasswordHasher;
import dev.maestro.store.MongoConnection;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.SuiteBackends;
import dev.maestro.user.GroupRef;
import dev.maestro.user.GroupStore;
import dev.maestro.user.User;
import dev.maestro.user.UserStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates users and groups for tests straight in the test MongoDB (through common-model's
 * stores, as the server itself would), so that a feature's tests do not depend on the user
 * endpoints under test elsewhere. Names get a unique suffix so tests never collide.
 */
public final class TestUsers {
    private static final PasswordHasher HASHER = new PasswordHasher();
    private static MongoConnection mongo;

    private TestUsers() {
    }

    /** A user of the API under test: its record and a token obtained by a real login. */
    public record TestUser(User user, String password, String token) {
        public String username() {
            return user.username();
        }

        public String id() {
            return user.id();
        }
    }

    /** A verified, active, non-admin user in the given groups (created when missing). */
    public static TestUser create(ApiClient api, String namePrefix, String... groupNames) {
        return create(api, namePrefix, false, groupNames);
    }

    public static TestUser create(ApiClient api, String namePrefix, boolean superuser, String... groupNames) {
        String username = unique(namePrefix);
        String password = "pw-" + UUID.randomUUID();
        List<GroupRef> groups = new ArrayList<>();
        for (String g : groupNames) {
            groups.add(group(g));
        }
        User user = users().insert(new User(null, username + "@example.org", username, HASHER.hash(password),
                true, superuser, true, groups));
        return new TestUser(user, password, api.login(username, password));
    }

    /** The group with this exact name, created when missing. */
    public static GroupRef group(String name) {
        GroupStore store = new GroupStore(mongo().database());
        return store.findByName(name).orElseGet(() -> store.insert(name));
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UserStore users() {
        return new UserStore(mongo().database());
    }

    private static synchronized MongoConnection mongo() {
        if (mongo == null) {
            mongo = new MongoConnection(SuiteBackends.mongoUri());
        }
        return mongo;
    }
}
