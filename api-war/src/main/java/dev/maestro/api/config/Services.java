package dev.maestro.api.config;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.Envelopes;
import dev.maestro.event.EventHistory;
import dev.maestro.event.EventLog;
import dev.maestro.mail.Mailer;
import dev.maestro.mail.Outbox;
import dev.maestro.node.NodeJson;
import dev.maestro.node.NodeCache;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeStore;
import dev.maestro.event.publish.Publisher;
import dev.maestro.event.query.EventSearch;
import dev.maestro.event.queue.EventQueue;
import dev.maestro.event.subscription.ListenSettings;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.event.subscription.SubscriptionStore;
import dev.maestro.kv.KeyValueStore;
import dev.maestro.api.auth.ForgettingUserStore;
import dev.maestro.api.auth.RecentUsers;
import dev.maestro.security.AccessTokenVerifier;
import dev.maestro.security.KeyFiles;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.PurposeTokens;
import dev.maestro.security.TokenIssuer;
import dev.maestro.settings.SharedSettings;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.telemetry.TelemetryStore;
import dev.maestro.user.EmailVerificationService;
import dev.maestro.user.GroupService;
import dev.maestro.user.GroupStore;
import dev.maestro.user.InvitationService;
import dev.maestro.user.PasswordResetService;
import dev.maestro.user.UserService;
import dev.maestro.user.UserStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the application-wide common-model services, one instance each, from the settings the
 * API shares with the pipeline ({@link SharedSettings}, as the pipeline's {@code PipelineServices}
 * does) and the API's own keys; disposers close what needs closing. They are
 * {@code @Singleton} rather than {@code @ApplicationScoped} because the plain classes of
 * common-model cannot be proxied (no no-argument constructors), and need not be.
 */
@ApplicationScoped
public class Services {
    @Resource
    ManagedExecutorService mailExecutor;
    /** Threads that carry the application's context, the sanctioned way to own threads in Jakarta EE. */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** The keys this API shares with the pipeline, read once from its MicroProfile Config. */
    @Produces
    @Singleton
    SharedSettings sharedSettings(Config config) {
        return SharedSettings.from(name -> config.getOptionalValue(name, String.class));
    }

    @Produces
    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    /** The key that signs access tokens, and from which the mailed purpose tokens' key is derived. */
    @Produces
    @Singleton
    PrivateKey signingKey(SharedSettings settings) {
        Path dir = KeyFiles.ensure(settings.jwtKeyDirectory());
        return KeyFiles.readPrivateKey(dir.resolve(KeyFiles.PRIVATE_KEY));
    }

    /** Its issuer is the one {@link #accessTokenVerifier} checks. */
    @Produces
    @Singleton
    TokenIssuer tokenIssuer(PrivateKey signingKey, SharedSettings settings,
                            @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES", defaultValue = "5256000") long minutes) {
        return new TokenIssuer(signingKey, settings.jwtIssuer(), Duration.ofMinutes(minutes));
    }

    /** Checks access tokens with the public half of the signing key ({@code publicKey.pem} beside it). */
    @Produces
    @Singleton
    AccessTokenVerifier accessTokenVerifier(SharedSettings settings) {
        Path dir = KeyFiles.ensure(settings.jwtKeyDirectory());
        return new AccessTokenVerifier(KeyFiles.readPublicKey(dir.resolve(KeyFiles.PUBLIC_KEY)), settings.jwtIssuer(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    RecentUsers recentUsers() {
        return new RecentUsers(Clock.systemUTC());
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
    Outbox outbox(SharedSettings settings) {
        return new Outbox(settings.mail().map(Mailer::new), mailExecutor);
    }

    @Produces
    @Singleton
    MongoConnection mongo(SharedSettings settings) {
        return new MongoConnection(settings.mongoService());
    }

    @Produces
    @Singleton
    RedisConnection redis(SharedSettings settings) {
        return new RedisConnection(settings.redisHost(), settings.redisPort());
    }

    /** Static, as every disposer here: at shutdown WildFly has already destroyed this class's instance. */
    static void closeMongo(@Disposes MongoConnection mongo) {
        mongo.close();
    }

    static void closeRedis(@Disposes RedisConnection redis) {
        redis.close();
    }

    @Produces
    @Singleton
    UserStore userStore(MongoConnection mongo, RecentUsers recent) {
        return new ForgettingUserStore(mongo.database(), recent);
    }

    @Produces
    @Singleton
    CloudEventSettings cloudEventSettings(SharedSettings settings) {
        return settings.cloudEvents();
    }

    @Produces
    @Singleton
    EventLog eventLog(MongoConnection mongo, RedisConnection redis, CloudEventSettings settings, EventHistory history) {
        EventLog log = new EventLog(mongo.database(), redis.pool(), settings);
        // The /listen of a subscriber on this instance then finds the event without a round trip.
        log.onAppend(history::remember);
        return log;
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
    EventSearch eventSearch(EventHistory history, NodeStore nodes) {
        return new EventSearch(history, id -> nodes.find(id).map(NodeJson::toJson));
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

    /**
     * Static, so that disposing needs no instance of this class: at shutdown WildFly has already
     * destroyed it and could not build another (its resources are gone from JNDI by then).
     */
    static void closeSubscriptionService(@Disposes SubscriptionService service) {
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
    TelemetryStore telemetryStore(MongoConnection mongo) {
        return new TelemetryStore(mongo.database());
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
    InvitationService invitationService(UserStore users, GroupService groups, PasswordHasher hasher, PurposeTokens tokens, Outbox outbox,
            @ConfigProperty(name = "INVITE_TOKEN_EXPIRE_SECONDS", defaultValue = "604800") long lifetimeSeconds) {
        return new InvitationService(users, groups, hasher, tokens, outbox, Duration.ofSeconds(lifetimeSeconds));
    }

    @Produces
    @Singleton
    EmailVerificationService emailVerificationService(UserStore users, PurposeTokens tokens, Outbox outbox) {
        return new EmailVerificationService(users, tokens, outbox);
    }

    @Produces
    @Singleton
    NodeStore nodeStore(MongoConnection mongo, RedisConnection redis) {
        return new NodeStore(mongo.database(), new NodeCache(redis.pool()));
    }

    @Produces
    @Singleton
    NodeService nodeService(NodeStore store, GroupStore groups, EventLog events) {
        return new NodeService(store, groups, events);
    }
}
