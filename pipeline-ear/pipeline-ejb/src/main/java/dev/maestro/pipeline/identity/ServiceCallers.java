package dev.maestro.pipeline.identity;

import dev.maestro.error.ForbiddenException;
import dev.maestro.error.UnauthorizedException;
import dev.maestro.store.MongoConnection;
import dev.maestro.user.User;
import dev.maestro.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may call the pipeline's service API ({@code /pipeline/api/…}): the holder of an access
 * token of this deployment (minted by the API's {@code /user/login}, checked with the public half
 * of the key in {@code MAESTRO_JWT_KEY_DIR}), sent as {@code Authorization: Bearer <token>} or,
 * as KernelCI's {@code kci-dev} sends it, as the bare token. The user is loaded for each call, so
 * a deleted or deactivated user's token stops working at once, and must be a superuser or a
 * member of the group {@code MAESTRO_SERVICE_API_GROUP} (default {@value #DEFAULT_GROUP}) — the
 * permission that KernelCI puts into the token of a second secret, kept here where admins manage
 * it ({@code PATCH /user/{id}} with {@code groups}).
 */
@ApplicationScoped
public class ServiceCallers {
    public static final String DEFAULT_GROUP = "pipeline-api";
    private static final Pattern BEARER = Pattern.compile("(?i)bearer(\\s+|$)");

    @Inject
    MongoConnection mongo;

    @Inject
    PipelineIdentity identity;

    @Inject
    @ConfigProperty(name = "MAESTRO_SERVICE_API_GROUP", defaultValue = DEFAULT_GROUP)
    String group;

    /**
     * The permitted caller that the {@code Authorization} header names.
     *
     * @throws UnauthorizedException no header, not a token of this deployment, or a user who is gone or inactive
     * @throws ForbiddenException    a valid user who is neither a superuser nor in the group
     * @throws TokenKeyMissingException this pipeline has no key to check tokens with
     */
    public User permitted(String authorization) {
        String token = token(authorization).orElseThrow(() -> new UnauthorizedException(
                "Not authenticated: send an access token of this server in Authorization (with or without 'Bearer ')"));
        String userId = identity.verifier().subject(token).orElseThrow(() -> new UnauthorizedException("Invalid or expired token"));
        User user = new UserStore(mongo.database()).findById(userId).filter(User::active)
                .orElseThrow(() -> new UnauthorizedException("Unauthorized: the token's user is gone or inactive"));
        if (!user.superuser() && !user.inGroup(group)) {
            throw new ForbiddenException("User " + user.username() + " may not use the pipeline's service API:"
                    + " it needs to be in the group '" + group + "' or a superuser");
        }
        return user;
    }

    /** The group that grants the permission. */
    public String group() {
        return group;
    }

    /** The token in the header: after {@code Bearer } (any case) or the whole value. */
    static Optional<String> token(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        Matcher bearer = BEARER.matcher(authorization.strip());
        String value = bearer.lookingAt() ? authorization.strip().substring(bearer.end()) : authorization.strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
