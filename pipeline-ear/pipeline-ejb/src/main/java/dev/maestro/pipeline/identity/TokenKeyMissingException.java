package dev.maestro.pipeline.identity;

import dev.maestro.error.MaestroException;
import java.nio.file.Path;

/**
 * The pipeline cannot check access tokens because the public key is not where
 * {@code MAESTRO_JWT_KEY_DIR} says: 503, since no token could pass, whoever sends it.
 */
public class TokenKeyMissingException extends MaestroException {
    public TokenKeyMissingException(Path key) {
        super(503, "The pipeline cannot check tokens: no readable " + key.getFileName()
                + " in MAESTRO_JWT_KEY_DIR (point it at the API's key directory)");
    }
}
