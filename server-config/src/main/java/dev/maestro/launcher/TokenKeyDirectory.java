package dev.maestro.launcher;

import dev.maestro.security.KeyFiles;
import dev.maestro.security.SharedTokenKeys;
import dev.maestro.store.MongoConnection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the server finds the token key pair ({@code MAESTRO_JWT_KEY_DIR}). Given by the operator,
 * the directory is used as it is (a pair is generated there if it has none): keeping it the same
 * on every instance is then the operator's business. Unset, the launcher takes the deployment's
 * pair from MongoDB (storing one on the very first start) and writes it into
 * {@code $MAESTRO_DATA_DIR/keys}, so every instance on one database accepts the others' tokens.
 */
final class TokenKeyDirectory {
    static final String VARIABLE = "MAESTRO_JWT_KEY_DIR";

    private TokenKeyDirectory() {
    }

    static Path resolve(Map<String, String> env, Path dataDir, String mongoService) {
        Optional<Path> given = Optional.ofNullable(env.get(VARIABLE)).filter(v -> !v.isBlank())
                .map(v -> Path.of(v).toAbsolutePath().normalize());
        if (given.isPresent()) {
            return KeyFiles.ensure(given.get());
        }
        try (MongoConnection mongo = new MongoConnection(mongoService)) {
            return SharedTokenKeys.syncInto(mongo.database(), dataDir.resolve("keys"));
        }
    }
}
