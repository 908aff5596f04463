package dev.maestro.pipeline.config;

/** Storage kinds: ours ({@link #FILESYSTEM}) and KernelCI's, which are recognised but not implemented yet. */
public enum StorageType implements WireNamed {
    /** Files under a local directory, uploaded and served over HTTP by the pipeline's web module. */
    FILESYSTEM(true),
    SSH(false),
    AZURE(false),
    BACKEND(false);

    private final boolean implemented;

    StorageType(boolean implemented) {
        this.implemented = implemented;
    }

    @Override
    public boolean implemented() {
        return implemented;
    }
}
