package dev.maestro.user;

import dev.maestro.security.PasswordHasher;
import dev.maestro.security.PurposeTokens;
import dev.maestro.security.TokenIssuer;
import dev.maestro.testing.LocalBackends;
import dev.maestro.testing.MailCatcher;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The user feature wired as the API wires it, on a real MongoDB-wire server and a real SMTP
 * server: one per test class, as a static {@code @RegisterExtension} field that stops both
 * servers after the class.
 */
final class Accounts implements AfterAllCallback {
    final LocalBackends backends = new LocalBackends();
    final MailCatcher mail = new MailCatcher();
    final PasswordHasher hasher = new PasswordHasher();
    final UserStore users = new UserStore(backends.mongo().database());
    final GroupStore groupStore = new GroupStore(backends.mongo().database());
    final GroupService groups = new GroupService(groupStore, users);
    final PrivateKey key = rsaKey();
    final PurposeTokens tokens = PurposeTokens.derivedFrom(key, Clock.systemUTC());
    final UserService service = new UserService(users, groups, hasher, new TokenIssuer(key, "maestro", Duration.ofHours(1)));
    final PasswordResetService resets = new PasswordResetService(users, hasher, tokens, mail.outbox());
    final EmailVerificationService verification = new EmailVerificationService(users, tokens, mail.outbox());

    Accounts() {
        users.createIndexes();
        groupStore.createIndexes();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An active user with a unique name, address {@code name@example.org}, and the given password. */
    User create(String prefix, String password, boolean verified, boolean superuser, String... groupNames) {
        String name = unique(prefix);
        return users.insert(new User(null, name + "@example.org", name, hasher.hash(password), true, superuser, verified,
                groups.resolve(Arrays.asList(groupNames))));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        mail.close();
        backends.close();
    }

    private static PrivateKey rsaKey() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
