package dev.maestro.pipeline.storage;

import dev.maestro.pipeline.config.StorageConfig;

/** Opens the backend a storage configuration asks for. */
public final class ArtifactStorages {
    private ArtifactStorages() {
    }

    public static ArtifactStorage open(StorageConfig config) {
        return switch (config.type()) {
            case FILESYSTEM -> new FileSystemStorage(config.path(), config.baseUrl());
            case SSH, AZURE, BACKEND -> throw new UnsupportedOperationException(
                    "storage_type " + config.type().wireName() + " is not implemented");
        };
    }
}
