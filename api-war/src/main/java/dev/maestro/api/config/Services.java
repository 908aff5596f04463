package dev.maestro.api.config;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeStore;
import dev.maestro.security.KeyFiles;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.TokenIssuer;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.user.GroupStore;
import dev.maestro.user.UserService;
import dev.maestro.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the application-wide common-model services, one instance each. They are
 * {@code @Singleton} rather than {@code @ApplicationScoped} because the plain classes of
 * common-model cannot be proxied (no no-argument constructors), and need not be.
 */
@ApplicationScoped
public class Services {

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Produces
    @Singleton
    TokenIssuer tokenIssuer(@ConfigProperty(name = "MAESTRO_JWT_KEY_DIR") String keyDir,
                            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                            @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "5256000") long minutes) {
        Path dir = KeyFiles.ensure(Path.of(keyDir));
        return new TokenIssuer(KeyFiles.readPrivateKey(dir.resolve(KeyFiles.PRIVATE_KEY)), issuer, Duration.ofMinutes(minutes));
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
    UserService userService(UserStore store, PasswordHasher hasher, TokenIssuer tokens) {
        return new UserService(store, hasher, tokens);
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
