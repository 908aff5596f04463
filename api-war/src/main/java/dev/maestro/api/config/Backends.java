package dev.maestro.api.config;

import dev.maestro.settings.SharedSettings;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The settings this API shares with the pipeline, read once from its MicroProfile Config, and
 * the MongoDB and Redis connections made from them, closed when the application stops. Wired as
 * {@link Services} and the pipeline's {@code PipelineServices} are: {@code @Singleton} producers,
 * static disposers.
 */
@ApplicationScoped
public class Backends {

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

    /** Static, as {@link Services}'s disposer: at shutdown WildFly may have destroyed this class's instance already. */
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
}
