package dev.maestro.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Storage kinds: ours ({@link #FILESYSTEM}) and KernelCI's, which are recognised but not implemented yet. */
public enum StorageType {
    /** Files under a local directory, uploaded and served over HTTP by the pipeline's web module. */
    FILESYSTEM(true),
    SSH(false),
    AZURE(false),
    BACKEND(false);

    private final boolean implemented;

    StorageType(boolean implemented) {
        this.implemented = implemented;
    }

    public boolean implemented() {
        return implemented;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<StorageType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
