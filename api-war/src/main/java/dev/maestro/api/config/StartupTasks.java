package dev.maestro.api.config;

import dev.maestro.store.MongoConnection;
import dev.maestro.store.migration.Migration;
import dev.maestro.store.migration.MigrationRunner;
import dev.maestro.store.migration.Migrations;
import dev.maestro.user.GroupService;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Work done once when the API starts: the database migrations (indexes among them), KernelCI's built-in {@code node:edit:any} group,
 * the subscriptions' background work (Redis notifications, closing idle subscriptions), then
 * the first admin from {@code KCI_INITIAL_*} (KernelCI documents this but does not wire it).
 * Without a password no admin is created and the log says how to get one.
 */
@ApplicationScoped
public class StartupTasks {
    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    @Inject
    MongoConnection mongo;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    @ConfigProperty(name = "EVENT_HISTORY_TTL_SECONDS", defaultValue = "604800")
    long eventRetentionSeconds;

    @Inject
    @ConfigProperty(name = "TELEMETRY_TTL_SECONDS", defaultValue = "1209600")
    long telemetryRetentionSeconds;

    @Inject
    UserService users;

    @Inject
    GroupService groups;

    @Inject
    @ConfigProperty(name = "KCI_INITIAL_ADMIN_USERNAME", defaultValue = "admin")
    String adminName;

    @Inject
    @ConfigProperty(name = "KCI_INITIAL_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "KCI_INITIAL_ADMIN_EMAIL")
    Optional<String> adminEmail;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) throws InterruptedException {
        // The launcher has usually migrated already (to fail before Payara starts); this covers
        // other ways of deploying the WAR and finds nothing to do otherwise.
        List<Migration> applied = new MigrationRunner(mongo.database(), Migrations.all(Duration.ofSeconds(eventRetentionSeconds),
                Duration.ofSeconds(telemetryRetentionSeconds)),
                Migrations.CODE_VERSION, "api@" + ProcessHandle.current().pid()).migrate();
        if (!applied.isEmpty()) {
            LOG.info("Database migrations applied: " + applied);
        }
        groups.ensureExists(GroupService.NODE_EDIT_ANY);
        subscriptions.start();
        if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            users.ensureInitialAdmin(adminName, adminPassword.get(), adminEmail.orElse(adminName + "@kernelci.org"));
        } else {
            LOG.warning("KCI_INITIAL_PASSWORD is not set: no initial admin is created");
        }
        LOG.info("Maestro API started");
    }
}
