package dev.maestro.pipeline.patchworkbridge;

import java.util.List;
import java.util.Map;

/**
 * Creates a patchset node under a base checkout: what the bridge needs from the patchset step.
 * Implemented over the patchset service; while no implementation is deployed, series wait.
 */
public interface PatchsetSubmission {
    /**
     * @param baseCheckoutId the checkout the patches apply on
     * @param patches        each patch as one mail, in order
     * @param patchwork      Patchwork metadata for the node's {@code data.patchwork}
     * @param submitter      the node's submitter ({@code patchwork:<email>})
     * @return the patchset node's id
     */
    String submit(String baseCheckoutId, List<String> patches, Map<String, Object> patchwork, String submitter);
}
