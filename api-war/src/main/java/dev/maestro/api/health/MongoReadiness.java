package dev.maestro.api.health;

import com.mongodb.MongoException;
import dev.maestro.settings.SharedSettings;
import dev.maestro.store.MongoConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while MongoDB answers a ping. It has a client of its own with a short server
 * selection timeout: with the API's (10 s) a probe would hang past any orchestrator's deadline
 * exactly when the answer matters.
 */
@Readiness
@ApplicationScoped
public class MongoReadiness implements HealthCheck {
    static final String NAME = "mongodb";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final MongoConnection probe;

    @Inject
    public MongoReadiness(SharedSettings settings) {
        this(settings.mongoService());
    }

    MongoReadiness(String mongoService) {
        this.probe = new MongoConnection(mongoService, PROBE_TIMEOUT);
    }

    /** Required by CDI to proxy a normal-scoped bean. */
    protected MongoReadiness() {
        this.probe = null;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            probe.database().runCommand(new Document("ping", 1));
            return new HealthCheckResponse(NAME, Status.UP, Optional.of(Map.of("database", probe.database().getName())));
        } catch (MongoException e) {
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(Map.of("error", e.getClass().getSimpleName() + ": "
                    + e.getMessage())));
        }
    }

    @PreDestroy
    void close() {
        probe.close();
    }
}
