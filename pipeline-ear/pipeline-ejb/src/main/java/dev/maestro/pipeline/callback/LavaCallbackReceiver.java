package dev.maestro.pipeline.callback;

import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.config.LavaConfig;
import dev.maestro.pipeline.config.PipelineConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.lava.LavaCallback;
import dev.maestro.pipeline.lava.LavaCallbackException;
import dev.maestro.pipeline.settings.PipelineSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Takes LAVA's notify callback for a job node, as KernelCI's callback service does but once only:
 * <ol>
 * <li>the {@code Authorization} header must be the {@code callback_token} of a configured LAVA
 * runtime, and of the node's own runtime when that is one (401 otherwise);</li>
 * <li>the node must exist (404) and the body be LAVA's callback (422 naming what is wrong);</li>
 * <li>the first callback of the node claims it in MongoDB; a later one is answered 200 and
 * ignored;</li>
 * <li>the claimed callback is answered 202 at once and stored in the background by
 * {@link LavaResultStore}.</li>
 * </ol>
 */
@ApplicationScoped
public class LavaCallbackReceiver {
    private static final Logger LOG = Logger.getLogger(LavaCallbackReceiver.class.getName());

    @Inject
    PipelineSettings settings;

    @Inject
    NodeService nodes;

    @Inject
    LavaCallbackClaims claims;

    @Inject
    LavaResultStore store;

    @Resource
    ManagedExecutorService executor;

    public CallbackReply receive(String nodeId, String authorization, Map<String, Object> body) {
        Map<String, RuntimeConfig> runtimes = settings.config().map(PipelineConfig::runtimes).orElse(Map.of());
        List<LavaConfig> labs = runtimes.values().stream().flatMap(r -> r.lava().stream()).toList();
        if (authorization == null || labs.stream().noneMatch(lab -> matches(lab, authorization))) {
            return CallbackReply.detail(401, labs.isEmpty() ? "No LAVA runtime is configured, so no callback is expected"
                    : "The Authorization header must carry the callback token of a configured LAVA runtime");
        }
        Optional<Node> node = ObjectId.isValid(nodeId) ? nodes.find(new ObjectId(nodeId)) : Optional.empty();
        if (node.isEmpty()) {
            return CallbackReply.detail(404, "Node not found with id: " + nodeId);
        }
        Optional<LavaConfig> ownLab = Optional.ofNullable(runtimes.get(node.get().runtime())).flatMap(RuntimeConfig::lava);
        if (ownLab.isPresent() && !matches(ownLab.get(), authorization)) {
            return CallbackReply.detail(401, "The callback token is not the one of runtime " + node.get().runtime()
                    + ", which ran node " + nodeId);
        }
        LavaCallback callback;
        try {
            callback = LavaCallback.read(body);
        } catch (LavaCallbackException e) {
            return CallbackReply.detail(422, "Not a LAVA callback: " + e.getMessage());
        }
        if (!claims.claim(nodeId, callback.lavaJobId().orElse(null))) {
            LOG.info("LAVA called back again for node " + nodeId + "; its results were taken already");
            return CallbackReply.message(200, "The callback of node " + nodeId + " was received before; nothing changed");
        }
        ObjectId id = node.get().id();
        executor.submit(() -> {
            try {
                store.store(id, callback, body);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The LAVA results of node " + nodeId + " could not be stored; the callback may be sent again", e);
                claims.release(nodeId);
            }
        });
        return CallbackReply.message(202, "Callback received; the results of node " + nodeId + " are being stored");
    }

    private static boolean matches(LavaConfig lab, String authorization) {
        return MessageDigest.isEqual(lab.callbackToken().getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }
}
