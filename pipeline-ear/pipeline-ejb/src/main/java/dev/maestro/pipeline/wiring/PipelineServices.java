package dev.maestro.pipeline.wiring;

import dev.maestro.event.EventLog;
import dev.maestro.event.OrphanedEvents;
import dev.maestro.node.NodeCache;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeStore;
import dev.maestro.settings.SharedSettings;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.user.GroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;

/**
 * The settings the pipeline shares with the API, read once from its MicroProfile Config, and the
 * connections and node write path made from them, one instance each. Wired as the API's
 * {@code Services} is: {@code @Singleton} producers (common-model's plain
 * classes cannot be proxied), static disposers that close the connections when the pipeline is
 * undeployed.
 */
@ApplicationScoped
public class PipelineServices {

    @Produces
    @Singleton
    SharedSettings settings(Config config) {
        return SharedSettings.from(name -> config.getOptionalValue(name, String.class));
    }

    @Produces
    @Singleton
    MongoConnection mongo(SharedSettings settings) {
        return new MongoConnection(settings.mongoService());
    }

    /** Static: at shutdown WildFly may have destroyed this class's instance already. */
    static void closeMongo(@Disposes MongoConnection mongo) {
        mongo.close();
    }

    @Produces
    @Singleton
    RedisConnection redis(SharedSettings settings) {
        return new RedisConnection(settings.redisHost(), settings.redisPort());
    }

    static void closeRedis(@Disposes RedisConnection redis) {
        redis.close();
    }

    @Produces
    @Singleton
    EventLog eventLog(MongoConnection mongo, RedisConnection redis, SharedSettings settings) {
        return new EventLog(mongo.database(), redis.pool(), settings.cloudEvents());
    }

    @Produces
    @Singleton
    OrphanedEvents orphanedEvents(MongoConnection mongo, RedisConnection redis) {
        return new OrphanedEvents(mongo.database(), redis.pool(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    NodeService nodeService(MongoConnection mongo, RedisConnection redis, EventLog events) {
        return new NodeService(new NodeStore(mongo.database(), new NodeCache(redis.pool())), new GroupStore(mongo.database()), events);
    }
}
