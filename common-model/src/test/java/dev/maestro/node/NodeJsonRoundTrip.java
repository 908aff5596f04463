package dev.maestro.node;

import dev.maestro.json.Json;
import java.util.Map;

/** A node as a client sends it back after a GET: its JSON, parsed again into a mutable map. */
final class NodeJsonRoundTrip {
    private NodeJsonRoundTrip() {
    }

    static Map<String, Object> of(Node node) {
        return Json.parseObject(Json.write(NodeJson.toJson(node)));
    }
}
