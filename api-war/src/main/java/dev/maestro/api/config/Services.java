package dev.maestro.api.config;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.mail.MailSettings;
import dev.maestro.mail.Mailer;
import dev.maestro.mail.Outbox;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeStore;
import dev.maestro.security.KeyFiles;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.PurposeTokens;
import dev.maestro.security.TokenIssuer;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.user.EmailVerificationService;
import dev.maestro.user.GroupService;
import dev.maestro.user.GroupStore;
import dev.maestro.user.PasswordResetService;
import dev.maestro.user.UserService;
import dev.maestro.user.UserStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the application-wide common-model services, one instance each. They are
 * {@code @Singleton} rather than {@code @ApplicationScoped} because the plain classes of
 * common-model cannot be proxied (no no-argument constructors), and need not be.
 */
@ApplicationScoped
public class Services {
    private static final Logger LOG = Logger.getLogger(Services.class.getName());

    @Resource
    ManagedExecutorService mailExecutor;

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    /** The key that signs access tokens, and from which the mailed purpose tokens' key is derived. */
    @Produces
    @Singleton
    PrivateKey signingKey(@ConfigProperty(name = "MAESTRO_JWT_KEY_DIR") String keyDir) {
        Path dir = KeyFiles.ensure(Path.of(keyDir));
        return KeyFiles.readPrivateKey(dir.resolve(KeyFiles.PRIVATE_KEY));
    }

    @Produces
    @Singleton
    TokenIssuer tokenIssuer(PrivateKey signingKey, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                            @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "5256000") long minutes) {
        return new TokenIssuer(signingKey, issuer, Duration.ofMinutes(minutes));
    }

    @Produces
    @Singleton
    PurposeTokens purposeTokens(PrivateKey signingKey) {
        return PurposeTokens.derivedFrom(signingKey, Clock.systemUTC());
    }

    /**
     * Mail goes out when {@code SMTP_HOST} and {@code EMAIL_SENDER} are set, delivered on the
     * server's managed executor; without them the flows that exist only to send mail answer 503.
     */
    @Produces
    @Singleton
    Outbox outbox(@ConfigProperty(name = "SMTP_HOST") Optional<String> host,
                  @ConfigProperty(name = "SMTP_PORT", defaultValue = "587") int port,
                  @ConfigProperty(name = "EMAIL_SENDER") Optional<String> sender,
                  @ConfigProperty(name = "EMAIL_PASSWORD") Optional<String> password) {
        if (host.isPresent() && sender.isEmpty()) {
            LOG.warning("SMTP_HOST is set but EMAIL_SENDER is not: e-mail is off");
        }
        Optional<Mailer> mailer = host.flatMap(h -> sender.map(from -> new Mailer(new MailSettings(h, port, from, password))));
        return new Outbox(mailer, mailExecutor);
    }

    @Produces
    @Singleton
    UserStore userStore(MongoConnection mongo) {
        return new UserStore(mongo.database());
    }

    @Produces
    @Singleton
    EventLog eventLog(MongoConnection mongo, RedisConnection redis,
                      @ConfigProperty(name = "CLOUD_EVENTS_SOURCE", defaultValue = "https://api.kernelci.org/") String source,
                      @ConfigProperty(name = "MAESTRO_CLOUD_EVENTS_TYPE", defaultValue = "api.kernelci.org") String type) {
        return new EventLog(mongo.database(), redis.pool(), new CloudEventSettings(source, type));
    }

    @Produces
    @Singleton
    GroupStore groupStore(MongoConnection mongo) {
        return new GroupStore(mongo.database());
    }

    @Produces
    @Singleton
    GroupService groupService(GroupStore groups, UserStore users) {
        return new GroupService(groups, users);
    }

    @Produces
    @Singleton
    UserService userService(UserStore store, GroupService groups, PasswordHasher hasher, TokenIssuer tokens) {
        return new UserService(store, groups, hasher, tokens);
    }

    @Produces
    @Singleton
    PasswordResetService passwordResetService(UserStore users, PasswordHasher hasher, PurposeTokens tokens, Outbox outbox) {
        return new PasswordResetService(users, hasher, tokens, outbox);
    }

    @Produces
    @Singleton
    EmailVerificationService emailVerificationService(UserStore users, PurposeTokens tokens, Outbox outbox) {
        return new EmailVerificationService(users, tokens, outbox);
    }

    @Produces
    @Singleton
    NodeStore nodeStore(MongoConnection mongo) {
        return new NodeStore(mongo.database());
    }

    @Produces
    @Singleton
    NodeService nodeService(NodeStore store, GroupStore groups, EventLog events) {
        return new NodeService(store, groups, events);
    }
}
