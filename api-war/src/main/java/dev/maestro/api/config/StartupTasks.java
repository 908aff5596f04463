package dev.maestro.api.config;

import dev.maestro.event.EventLog;
import dev.maestro.user.GroupService;
import dev.maestro.node.NodeStore;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.event.subscription.SubscriptionStore;
import dev.maestro.user.GroupStore;
import dev.maestro.user.UserService;
import dev.maestro.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Work done once when the API starts: indexes, KernelCI's built-in {@code node:edit:any} group,
 * the subscriptions' background work (Redis notifications, closing idle subscriptions), then
 * the first admin from {@code KCI_INITIAL_*} (KernelCI documents this but does not wire it).
 * Without a password no admin is created and the log says how to get one.
 */
@ApplicationScoped
public class StartupTasks {
    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    @Inject
    UserStore userStore;

    @Inject
    GroupStore groupStore;

    @Inject
    EventLog eventLog;

    @Inject
    SubscriptionStore subscriptionStore;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    @ConfigProperty(name = "EVENT_HISTORY_TTL_SECONDS", defaultValue = "604800")
    long eventRetentionSeconds;

    @Inject
    UserService users;

    @Inject
    GroupService groups;

    @Inject
    NodeStore nodeStore;

    @Inject
    @ConfigProperty(name = "KCI_INITIAL_ADMIN_USERNAME", defaultValue = "admin")
    String adminName;

    @Inject
    @ConfigProperty(name = "KCI_INITIAL_PASSWORD")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "KCI_INITIAL_ADMIN_EMAIL")
    Optional<String> adminEmail;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        userStore.createIndexes();
        groupStore.createIndexes();
        eventLog.createIndexes(Duration.ofSeconds(eventRetentionSeconds));
        groups.ensureExists(GroupService.NODE_EDIT_ANY);
        nodeStore.createIndexes();
        subscriptionStore.createIndexes(Duration.ofSeconds(eventRetentionSeconds));
        subscriptions.start();
        if (adminPassword.filter(p -> !p.isBlank()).isPresent()) {
            users.ensureInitialAdmin(adminName, adminPassword.get(), adminEmail.orElse(adminName + "@kernelci.org"));
        } else {
            LOG.warning("KCI_INITIAL_PASSWORD is not set: no initial admin is created");
        }
        LOG.info("Maestro API started");
    }
}
