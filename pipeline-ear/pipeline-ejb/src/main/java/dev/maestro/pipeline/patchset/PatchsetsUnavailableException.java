package dev.maestro.pipeline.patchset;

import dev.maestro.error.MaestroException;

/** 503: the pipeline runs without a configuration, so there is no tree to patch and no storage. */
public class PatchsetsUnavailableException extends MaestroException {
    public PatchsetsUnavailableException() {
        super(503, "The pipeline has no configuration (MAESTRO_PIPELINE_CONFIG): it takes no patchsets");
    }
}
