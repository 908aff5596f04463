package dev.maestro.pipeline.callback;

import dev.maestro.json.Json;
import dev.maestro.node.EventMode;
import dev.maestro.node.Hierarchy;
import dev.maestro.node.Node;
import dev.maestro.node.NodeService;
import dev.maestro.pipeline.identity.PipelineIdentity;
import dev.maestro.pipeline.jobrun.JobResults;
import dev.maestro.pipeline.lava.LavaCallback;
import dev.maestro.pipeline.lava.LavaHierarchy;
import dev.maestro.pipeline.lava.LavaResult;
import dev.maestro.pipeline.lava.LavaResultTree;
import dev.maestro.pipeline.settings.PipelineSettings;
import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoragePath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.bson.types.ObjectId;

/**
 * Stores a claimed callback: the serial console log ({@code log.txt}, artifact {@code lava_log})
 * and the callback itself without its token ({@code lava_callback.json}, artifact
 * {@code callback_data}) under {@code <job name>-<node id>/} in the pipeline's storage, then the
 * job node and its results as one hierarchy ({@code PUT /nodes/{id}} semantics: one write, one
 * event per node), on behalf of the pipeline's user, which owns job nodes.
 */
@ApplicationScoped
public class LavaResultStore {
    private static final Logger LOG = Logger.getLogger(LavaResultStore.class.getName());
    static final String LOG_ARTIFACT = "lava_log";
    static final String CALLBACK_ARTIFACT = "callback_data";

    @Inject
    NodeService nodes;

    @Inject
    PipelineIdentity identity;

    @Inject
    PipelineSettings settings;

    @Inject
    JobResults results;

    void store(ObjectId id, LavaCallback callback, Map<String, Object> body) {
        Node job = nodes.get(id);
        LavaResult result = LavaResultTree.map(callback, job.name());
        Map<String, String> artifacts = settings.storage().map(storage -> storeFiles(storage, job, callback, body))
                .orElse(Map.of());
        Hierarchy tree = LavaHierarchy.of(job, result, artifacts, Instant.now());
        List<Node> written = nodes.submitHierarchy(identity.user(), id, tree, EventMode.PUBLISH);
        LOG.info("LAVA job " + callback.lavaJobId().orElse("?") + " of node " + id + " (" + job.name() + ") ended "
                + result.result() + result.errorCode().map(c -> " (" + c + ")").orElse("") + "; "
                + (written.size() - 1) + " result node(s) stored");
        results.ended(id);
    }

    private static Map<String, String> storeFiles(ArtifactStorage storage, Node job, LavaCallback callback,
                                                  Map<String, Object> body) {
        StoragePath directory = StoragePath.of(job.name() + "-" + job.id().toHexString());
        Map<String, String> artifacts = new LinkedHashMap<>();
        String log = callback.serialLog();
        if (!log.isEmpty()) {
            artifacts.put(LOG_ARTIFACT, put(storage, directory.resolve("log.txt"), log));
        }
        Map<String, Object> withoutToken = new LinkedHashMap<>(body);
        withoutToken.remove("token");
        artifacts.put(CALLBACK_ARTIFACT, put(storage, directory.resolve("lava_callback.json"), Json.write(withoutToken)));
        return artifacts;
    }

    private static String put(ArtifactStorage storage, StoragePath path, String text) {
        try {
            return storage.put(path, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store " + path, e);
        }
    }
}
