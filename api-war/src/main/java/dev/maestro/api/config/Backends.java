package dev.maestro.api.config;

import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The MongoDB and Redis connections of this API instance, closed when the application stops. */
@ApplicationScoped
public class Backends {
    private final MongoConnection mongo;
    private final RedisConnection redis;

    @Inject
    public Backends(@ConfigProperty(name = "MONGO_SERVICE", defaultValue = "mongodb://127.0.0.1:27017") String mongoUri,
                    @ConfigProperty(name = "REDIS_HOST", defaultValue = "127.0.0.1") String redisHost,
                    @ConfigProperty(name = "MAESTRO_REDIS_PORT", defaultValue = "6379") int redisPort) {
        this.mongo = new MongoConnection(mongoUri);
        this.redis = new RedisConnection(redisHost, redisPort);
    }

    /** Required by CDI to proxy a normal-scoped bean. */
    protected Backends() {
        this.mongo = null;
        this.redis = null;
    }

    @Produces
    public MongoConnection mongo() {
        return mongo;
    }

    @Produces
    public RedisConnection redis() {
        return redis;
    }

    @PreDestroy
    void close() {
        mongo.close();
        redis.close();
    }
}
