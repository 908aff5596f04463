package dev.maestro.pipeline.trigger;

import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.checkout.CheckoutTrigger;
import dev.maestro.pipeline.checkout.KernelRevision;
import dev.maestro.pipeline.config.BuildConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.config.TreeConfig;
import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.store.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * Every second, polls the build configs whose {@code poll_period} has passed: {@code git
 * ls-remote} the branch, and when no checkout of that tree, branch and commit exists, fetch and
 * describe the commit and create the checkout ({@code running}, owned by the pipeline's user,
 * submitter {@code service:pipeline}). Never a duplicate, whoever else polls: the
 * check-and-create runs under a Redis lock per commit shared by all instances, and the check
 * is repeated once the lock is held. Unlike KernelCI's trigger, whose duplicate check counts
 * only its own user's checkouts, any existing checkout of the commit counts.
 *
 * <p>A first fetch of a big tree takes minutes: ticks that come meanwhile return at once
 * instead of queueing behind it (bean-managed concurrency and a flag, not the container's lock).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TriggerTimer {
    private static final Logger LOG = Logger.getLogger(TriggerTimer.class.getName());
    private static final String SUBMITTER = "service:pipeline";
    /** Long enough for a fetch and a describe; a crashed holder's lock expires after it. */
    private static final long LOCK_MILLIS = 10 * 60 * 1000;
    private static final String RELEASE_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    @Resource
    TimerService timerService;

    @Inject
    PipelineSettings settings;

    @Inject
    Checkouts checkouts;

    @Inject
    NodeService nodes;

    @Inject
    RedisConnection redis;

    @Inject
    TriggerStats stats;

    private final AtomicBoolean polling = new AtomicBoolean();
    /** When each build config (by name) is due next; only the tick holding {@link #polling} touches it. */
    private final Map<String, Instant> nextPoll = new HashMap<>();
    private CheckoutTrigger trigger;

    @PostConstruct
    void start() {
        if (settings.config().isPresent()) {
            trigger = checkouts.trigger();
            timerService.createIntervalTimer(1000, 1000, new TimerConfig("maestro-trigger", false));
        }
    }

    @Timeout
    void tick() {
        Optional<PipelineConfig> config = settings.config();
        if (config.isEmpty() || !polling.compareAndSet(false, true)) {
            return;
        }
        try {
            pollDue(config.get());
        } finally {
            polling.set(false);
        }
    }

    private void pollDue(PipelineConfig config) {
        Instant now = Instant.now();
        for (BuildConfig buildConfig : config.buildConfigs().values()) {
            if (now.isBefore(nextPoll.getOrDefault(buildConfig.name(), Instant.MIN))) {
                continue;
            }
            nextPoll.put(buildConfig.name(), now.plus(buildConfig.pollPeriod()));
            try {
                poll(config.treeOf(buildConfig), buildConfig);
            } catch (GitException e) {
                stats.failed(buildConfig.name(), e.getMessage());
                LOG.warning("Trigger " + buildConfig.name() + ": " + e.getMessage() + "; trying again in "
                        + buildConfig.pollPeriod().toSeconds() + " s");
            } catch (RuntimeException e) {
                stats.failed(buildConfig.name(), String.valueOf(e.getMessage()));
                LOG.log(Level.WARNING, "Trigger " + buildConfig.name() + " failed; trying again in "
                        + buildConfig.pollPeriod().toSeconds() + " s", e);
            }
        }
        nextPoll.keySet().retainAll(config.buildConfigs().keySet());
        stats.retain(config.buildConfigs().keySet());
    }

    private void poll(TreeConfig tree, BuildConfig buildConfig) {
        Optional<String> head = trigger.headCommit(tree, buildConfig);
        if (head.isEmpty()) {
            stats.failed(buildConfig.name(), "no branch " + buildConfig.branch() + " in " + tree.url());
            return;
        }
        String commit = head.get();
        stats.polled(buildConfig.name(), commit, !checkoutExists(tree, buildConfig, commit) && createOnce(tree, buildConfig, commit));
    }

    /** Creates the checkout unless another instance holds the commit's lock or created it meanwhile. */
    private boolean createOnce(TreeConfig tree, BuildConfig buildConfig, String commit) {
        String lock = "maestro:trigger:" + tree.name() + ":" + buildConfig.branch() + ":" + commit;
        String holder = UUID.randomUUID().toString();
        try (Jedis jedis = redis.pool().getResource()) {
            if (jedis.set(lock, holder, SetParams.setParams().nx().px(LOCK_MILLIS)) == null) {
                return false;
            }
            try {
                if (checkoutExists(tree, buildConfig, commit)) {
                    return false;
                }
                create(tree, buildConfig, commit);
                return true;
            } finally {
                jedis.eval(RELEASE_IF_HELD, List.of(lock), List.of(holder));
            }
        }
    }

    /**
     * The checkout a patch series is applied on: of {@code commit}, or of the branch head when
     * empty, on {@code buildConfig}'s tree and branch. An existing checkout is taken as it is;
     * otherwise one is made as a poll would make it. Empty while another instance makes it (ask
     * again later) or when the branch has no head.
     *
     * @throws GitException when the remote cannot be read or has no such commit
     */
    public Optional<Node> checkoutFor(BuildConfig buildConfig, Optional<String> commit) {
        PipelineConfig config = settings.config().orElseThrow(() -> new IllegalStateException("no pipeline configuration"));
        TreeConfig tree = config.treeOf(buildConfig);
        if (trigger == null) {
            trigger = checkouts.trigger();
        }
        Optional<String> wanted = commit.isPresent() ? commit : trigger.headCommit(tree, buildConfig);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (!checkoutExists(tree, buildConfig, wanted.get())) {
            createOnce(tree, buildConfig, wanted.get());
        }
        return nodes.list(CheckoutTrigger.existingCheckout(tree, buildConfig, wanted.get()).eq("name", "checkout")
                .sortedBy("created").limit(1).query()).stream().findFirst();
    }

    private boolean checkoutExists(TreeConfig tree, BuildConfig buildConfig, String commit) {
        return nodes.count(CheckoutTrigger.existingCheckout(tree, buildConfig, commit).query()) > 0;
    }

    private void create(TreeConfig tree, BuildConfig buildConfig, String commit) {
        KernelRevision revision = trigger.revision(tree, buildConfig, commit);
        checkouts.create(revision, buildConfig, node -> node.submitter(SUBMITTER));
    }
}
