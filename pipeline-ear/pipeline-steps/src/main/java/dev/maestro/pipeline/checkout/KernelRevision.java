package dev.maestro.pipeline.checkout;

import dev.maestro.pipeline.git.KernelVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A commit of a tree, as a checkout node's {@code data.kernel_revision} describes it.
 *
 * @param describe {@code git describe --always} with {@code /} replaced by {@code _}; the
 *                 abbreviated commit id when the tree has no tag
 * @param version  from the Makefile at that commit, when it is a kernel-style one
 */
public record KernelRevision(String tree, String url, String branch, String commit, String describe,
                             Optional<KernelVersion> version, List<String> commitTags, String commitMessage,
                             boolean tipOfBranch) {

    /** The {@code kernel_revision} object (version only when known). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tree", tree);
        map.put("url", url);
        map.put("branch", branch);
        map.put("commit", commit);
        map.putAll(describedFields());
        return map;
    }

    /** The fields found by looking at the commit, as opposed to the ones that name it. */
    Map<String, Object> describedFields() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("describe", describe);
        version.ifPresent(v -> map.put("version", v.toMap()));
        map.put("commit_tags", commitTags);
        map.put("commit_message", commitMessage);
        map.put("tip_of_branch", tipOfBranch);
        return map;
    }
}
