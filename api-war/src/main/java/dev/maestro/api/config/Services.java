package dev.maestro.api.config;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.Envelopes;
import dev.maestro.event.EventHistory;
import dev.maestro.event.EventLog;
import dev.maestro.event.publish.Publisher;
import dev.maestro.event.query.EventSearch;
import dev.maestro.event.queue.EventQueue;
import dev.maestro.event.subscription.ListenSettings;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.event.subscription.SubscriptionStore;
import dev.maestro.kv.KeyValueStore;
import dev.maestro.security.KeyFiles;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.TokenIssuer;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.user.GroupStore;
import dev.maestro.user.UserService;
import dev.maestro.user.UserStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the application-wide common-model services, one instance each. They are
 * {@code @Singleton} rather than {@code @ApplicationScoped} because the plain classes of
 * common-model cannot be proxied (no no-argument constructors), and need not be.
 */
@ApplicationScoped
public class Services {
    /** Threads that carry the application's context, the sanctioned way to own threads in Jakarta EE. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

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
    CloudEventSettings cloudEventSettings(
            @ConfigProperty(name = "CLOUD_EVENTS_SOURCE", defaultValue = "https://api.kernelci.org/") String source,
            @ConfigProperty(name = "MAESTRO_CLOUD_EVENTS_TYPE", defaultValue = "api.kernelci.org") String type) {
        return new CloudEventSettings(source, type);
    }

    @Produces
    @Singleton
    EventLog eventLog(MongoConnection mongo, RedisConnection redis, CloudEventSettings settings) {
        return new EventLog(mongo.database(), redis.pool(), settings);
    }

    @Produces
    @Singleton
    Envelopes envelopes(CloudEventSettings settings) {
        return new Envelopes(settings);
    }

    @Produces
    @Singleton
    EventHistory eventHistory(MongoConnection mongo) {
        return new EventHistory(mongo.database());
    }

    @Produces
    @Singleton
    EventSearch eventSearch(EventHistory history) {
        return new EventSearch(history);
    }

    @Produces
    @Singleton
    Publisher publisher(EventLog log) {
        return new Publisher(log);
    }

    @Produces
    @Singleton
    SubscriptionStore subscriptionStore(MongoConnection mongo) {
        return new SubscriptionStore(mongo.database());
    }

    /** Started by {@link StartupTasks}; its threads stop with the application. */
    @Produces
    @Singleton
    SubscriptionService subscriptionService(SubscriptionStore store, EventHistory history, Envelopes envelopes,
            RedisConnection redis,
            @ConfigProperty(name = "KEEP_ALIVE_PERIOD", defaultValue = "45") long keepAliveSeconds,
            @ConfigProperty(name = "MAESTRO_LISTEN_POLL_MILLIS", defaultValue = "1000") long pollMillis,
            @ConfigProperty(name = "MAESTRO_EVENT_GAP_WAIT_MILLIS", defaultValue = "10000") long gapWaitMillis,
            @ConfigProperty(name = "MAESTRO_SUBSCRIPTION_IDLE_SECONDS", defaultValue = "900") long idleSeconds) {
        ListenSettings settings = new ListenSettings(Duration.ofSeconds(keepAliveSeconds), Duration.ofMillis(pollMillis),
                Duration.ofMillis(gapWaitMillis), Duration.ofSeconds(idleSeconds));
        return new SubscriptionService(store, history, envelopes, redis.pool(), settings, threads, Clock.systemUTC());
    }

    void closeSubscriptionService(@Disposes SubscriptionService service) {
        service.close();
    }

    @Produces
    @Singleton
    EventQueue eventQueue(RedisConnection redis, Envelopes envelopes) {
        return new EventQueue(redis.pool(), envelopes);
    }

    @Produces
    @Singleton
    KeyValueStore keyValueStore(RedisConnection redis) {
        return new KeyValueStore(redis.pool());
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
}
