package dev.maestro.store;

/**
 * The collections added so that several instances share one MongoDB safely (issue 15), named in
 * one place so that creating them (and any index they need) can become one numbered migration.
 * None of them needs a secondary index: each is read by {@code _id} or is small by design.
 */
public final class ScaleOutCollections {
    /** The token signing key pair every instance uses; one document, {@code _id} {@code token-signing-key}. */
    public static final String SHARED_KEYS = "shared_keys";
    /**
     * Each pipeline step's (consumer group's) progress by {@code sequence_id}, one document per
     * group and channel ({@code _id} = {@code <channel>/<group>}). Written by the stream resource adapter, which cannot depend on
     * common-model: its own constant is {@code MongoEventHistory.CHECKPOINTS}; keep the two equal.
     */
    public static final String STEP_CHECKPOINTS = "step_checkpoints";

    private ScaleOutCollections() {
    }
}
