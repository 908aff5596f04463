package dev.maestro.pipeline.identity;

import com.mongodb.MongoWriteException;
import dev.maestro.security.AccessTokenVerifier;
import dev.maestro.security.KeyFiles;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.TokenIssuer;
import dev.maestro.settings.SharedSettings;
import dev.maestro.store.MongoConnection;
import dev.maestro.user.User;
import dev.maestro.user.UserStore;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pipeline's service user ({@code MAESTRO_PIPELINE_USER}, default {@code maestro-pipeline}):
 * created the first time the pipeline needs it, as an ordinary, verified user whose password
 * nobody knows, so it can own nodes without being an admin. Its jobs get access tokens for it, minted with the API's
 * signing key ({@code MAESTRO_JWT_KEY_DIR}, {@code MAESTRO_JWT_ISSUER}); where the pipeline runs
 * without that key, {@code MAESTRO_API_TOKEN} gives a token of this user (or of an admin) instead.
 *
 * <p>The user is looked up (or created) on first use, not at deployment: a pipeline whose steps
 * are idle never needs it, and a database that is briefly unreachable then only fails that use
 * (a singleton whose initialisation fails is discarded for good).
 *
 * <p>The same key directory checks the tokens of the service API's callers ({@link #verifier}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PipelineIdentity {
    private static final Logger LOG = Logger.getLogger(PipelineIdentity.class.getName());
    /** Jobs may run for hours; a token outliving its job by days is still bounded. */
    private static final Duration JOB_TOKEN_LIFETIME = Duration.ofDays(7);

    @Inject
    MongoConnection mongo;

    @Inject
    @ConfigProperty(name = "MAESTRO_PIPELINE_USER", defaultValue = "maestro-pipeline")
    String username;

    @Inject
    @ConfigProperty(name = "MAESTRO_API_TOKEN")
    Optional<String> givenToken;

    /** The token key pair's directory and issuer, as the API has them. */
    @Inject
    SharedSettings settings;

    private User user;
    private TokenIssuer tokens;
    private AccessTokenVerifier verifier;

    /** The user that owns what the pipeline creates. */
    public synchronized User user() {
        if (user == null) {
            UserStore users = new UserStore(mongo.database());
            // The API creates these indexes too; a pipeline started alone must not race into two users.
            users.createIndexes();
            user = users.findByUsername(username).orElseGet(() -> create(users));
        }
        return user;
    }

    private User create(UserStore users) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String unknowable = new PasswordHasher().hash(Base64.getEncoder().encodeToString(secret));
        try {
            User created = users.insert(new User(null, username + "@pipeline.invalid", username, unknowable,
                    true, false, true, List.of()));
            LOG.info("Created the pipeline's service user '" + username + "'");
            return created;
        } catch (MongoWriteException e) {
            // Another pipeline instance created it first.
            return users.findByUsername(username).orElseThrow(() -> e);
        }
    }

    /**
     * A token for a job to call the API as the pipeline.
     *
     * @throws IllegalStateException when neither MAESTRO_API_TOKEN nor the signing key is available
     */
    public String jobToken() {
        if (givenToken.isPresent() && !givenToken.get().isBlank()) {
            return givenToken.get().strip();
        }
        User owner = user();
        return issuer().accessToken(owner.id(), owner.username(), owner.roles());
    }

    /**
     * Checks this deployment's access tokens with the public half of the signing key, read once,
     * when the first caller of the service API needs it.
     *
     * @throws TokenKeyMissingException when {@code MAESTRO_JWT_KEY_DIR} has no public key
     */
    public synchronized AccessTokenVerifier verifier() {
        if (verifier == null) {
            Path key = settings.jwtKeyDirectory().resolve(KeyFiles.PUBLIC_KEY);
            if (!Files.isReadable(key)) {
                throw new TokenKeyMissingException(key);
            }
            verifier = new AccessTokenVerifier(KeyFiles.readPublicKey(key), settings.jwtIssuer(), Clock.systemUTC());
        }
        return verifier;
    }

    /** The signing key is read once, when the first job needs a token. */
    private synchronized TokenIssuer issuer() {
        if (tokens == null) {
            Path key = settings.jwtKeyDirectory().resolve(KeyFiles.PRIVATE_KEY);
            if (!Files.isReadable(key)) {
                throw new IllegalStateException("Jobs need an API token: set MAESTRO_JWT_KEY_DIR to the API's key directory"
                        + " (no readable " + key + ") or MAESTRO_API_TOKEN to a token of user '" + username + "'");
            }
            tokens = new TokenIssuer(KeyFiles.readPrivateKey(key), settings.jwtIssuer(), JOB_TOKEN_LIFETIME);
        }
        return tokens;
    }
}
