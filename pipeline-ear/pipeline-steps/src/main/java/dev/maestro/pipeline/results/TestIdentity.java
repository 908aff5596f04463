package dev.maestro.pipeline.results;

import dev.maestro.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes two results "the same test" for regression tracking: the test (kind, name, group,
 * path), the tree, branch and repository, and the configuration it ran in: platform,
 * architecture, kernel config and compiler. KernelCI left the platform out of its comparison
 * and reported a failure on one board as a regression of a pass on another (pipeline#428); here
 * every field must be equal, absent fields being equal only to absent ones.
 */
public record TestIdentity(String kind, String name, String group, List<String> path, String tree, String branch,
                           String url, String platform, String arch, String defconfig, String configFull, String compiler) {

    public static TestIdentity of(Map<String, Object> node) {
        Map<String, Object> data = NodeMaps.data(node);
        Map<String, Object> revision = NodeMaps.revision(node);
        return new TestIdentity(NodeMaps.text(node.get("kind")), NodeMaps.text(node.get("name")),
                NodeMaps.text(node.get("group")), NodeMaps.strings(node.get("path")),
                NodeMaps.text(revision.get("tree")), NodeMaps.text(revision.get("branch")), NodeMaps.text(revision.get("url")),
                NodeMaps.text(data.get("platform")), NodeMaps.text(data.get("arch")), NodeMaps.text(data.get("defconfig")),
                NodeMaps.text(data.get("config_full")), NodeMaps.text(data.get("compiler")));
    }

    /**
     * A short stable digest of every field, stored in a regression's {@code data.test_key} so
     * that the open regression of a test is found with one equality.
     */
    public String key() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind);
        fields.put("name", name);
        fields.put("group", group);
        fields.put("path", path);
        fields.put("tree", tree);
        fields.put("branch", branch);
        fields.put("url", url);
        fields.put("platform", platform);
        fields.put("arch", arch);
        fields.put("defconfig", defconfig);
        fields.put("config_full", configFull);
        fields.put("compiler", compiler);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.write(fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Whether {@code node} is a result of this same test in this same configuration. */
    public boolean matches(Map<String, Object> node) {
        return equals(of(node));
    }
}
