package dev.maestro.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.UnauthorizedException;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.TokenIssuer;
import java.util.List;
import java.util.logging.Logger;

/** Login, identity checks and the first admin. */
public class UserService {
    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    private final UserStore store;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    public UserService(UserStore store, PasswordHasher hasher, TokenIssuer tokens) {
        this.store = store;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /** KernelCI's login: by username only; any failure is the same 400 so names cannot be probed. */
    public String login(String username, String password) {
        User user = store.findByUsername(username)
                .filter(u -> hasher.verify(password, u.hashedPassword()))
                .filter(User::active)
                .orElseThrow(() -> new BadRequestException("LOGIN_BAD_CREDENTIALS"));
        return tokens.accessToken(user.id(), user.username(), user.roles());
    }

    /**
     * The user a verified token names, loaded fresh for each request: a deleted or deactivated
     * user's token stops working at once, and admin rights come from the database.
     */
    public User authenticated(String userId) {
        return store.findById(userId).filter(User::active)
                .orElseThrow(() -> new UnauthorizedException("Unauthorized"));
    }

    /**
     * Creates the first superuser when none exists. Returns true when it created one. A
     * concurrent start that created it first is not an error.
     */
    public boolean ensureInitialAdmin(String username, String password, String email) {
        if (store.anySuperuser()) {
            return false;
        }
        try {
            store.insert(new User(null, email, username, hasher.hash(password), true, true, true, List.of()));
            LOG.info(() -> "Created the initial admin user '" + username + "'");
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && store.anySuperuser()) {
                return false;
            }
            throw new IllegalStateException("Cannot create the initial admin '" + username
                    + "': a non-admin user already has that name or e-mail", e);
        }
    }
}
