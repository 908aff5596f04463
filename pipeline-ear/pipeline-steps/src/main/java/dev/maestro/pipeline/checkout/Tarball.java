package dev.maestro.pipeline.checkout;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored source tarball.
 *
 * @param fileName {@code linux-<tree>-<branch>-<describe>.tar.gz}; the archive's top directory is
 *                 the same name without {@code .tar.gz}, which jobs rely on
 * @param url      its public URL, for {@code artifacts.tarball}
 */
public record Tarball(String fileName, URI url, KernelRevision revision) {

    /**
     * The checkout's {@code data} to write back (a PATCH replaces {@code data} whole): the
     * current data with {@code kernel_revision} completed by what the commit showed
     * (describe, version, tags, message, tip of branch).
     */
    public Map<String, Object> checkoutData(Map<String, Object> currentData) {
        Map<String, Object> data = new LinkedHashMap<>(currentData);
        Map<String, Object> kernelRevision = new LinkedHashMap<>();
        if (currentData.get("kernel_revision") instanceof Map<?, ?> existing) {
            existing.forEach((k, v) -> kernelRevision.put(String.valueOf(k), v));
        }
        kernelRevision.putAll(revision.describedFields());
        data.put("kernel_revision", kernelRevision);
        return data;
    }
}
