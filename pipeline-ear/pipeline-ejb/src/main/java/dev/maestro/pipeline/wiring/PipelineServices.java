package dev.maestro.pipeline.wiring;

import dev.maestro.event.CloudEventSettings;
import dev.maestro.event.EventLog;
import dev.maestro.node.NodeService;
import dev.maestro.node.NodeStore;
import dev.maestro.store.MongoConnection;
import dev.maestro.store.RedisConnection;
import dev.maestro.user.GroupStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pipeline's connections and node write path, one instance each. {@code @Singleton} because
 * common-model's plain classes cannot be proxied; the connections are closed when the pipeline
 * is undeployed.
 */
@ApplicationScoped
public class PipelineServices {

    @Produces
    @Singleton
    MongoConnection mongo(@ConfigProperty(name = "MONGO_SERVICE", defaultValue = "mongodb://127.0.0.1:27017") String uri) {
        return new MongoConnection(uri);
    }

    void closeMongo(@Disposes MongoConnection mongo) {
        mongo.close();
    }

    @Produces
    @Singleton
    RedisConnection redis(@ConfigProperty(name = "REDIS_HOST", defaultValue = "127.0.0.1") String host,
                          @ConfigProperty(name = "MAESTRO_REDIS_PORT", defaultValue = "6379") int port) {
        return new RedisConnection(host, port);
    }

    void closeRedis(@Disposes RedisConnection redis) {
        redis.close();
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
    NodeService nodeService(MongoConnection mongo, EventLog events) {
        return new NodeService(new NodeStore(mongo.database()), new GroupStore(mongo.database()), events);
    }
}
