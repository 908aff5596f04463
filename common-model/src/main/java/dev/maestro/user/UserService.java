package dev.maestro.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ConflictException;
import dev.maestro.error.ForbiddenException;
import dev.maestro.error.NotFoundException;
import dev.maestro.error.UnauthorizedException;
import dev.maestro.json.BodyFields;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.TokenIssuer;
import dev.maestro.store.ExactMatch;
import dev.maestro.store.Ids;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/** Login, identity checks, the first admin, and the management of user accounts. */
public class UserService {
    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    private final UserStore store;
    private final GroupService groups;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    /** Checked against when the user is unknown, so that the time taken does not tell which names exist. */
    private final String decoyHash;

    public UserService(UserStore store, GroupService groups, PasswordHasher hasher, TokenIssuer tokens) {
        this.store = store;
        this.groups = groups;
        this.hasher = hasher;
        this.tokens = tokens;
        this.decoyHash = hasher.hash("decoy");
    }

    /**
     * KernelCI's login: by username only; unknown user, wrong password and inactive account are
     * the same 400 so names cannot be probed; an unverified account is told so.
     */
    public String login(String username, String password) {
        User user = withCredentials(username, password);
        if (!user.verified()) {
            throw new BadRequestException("LOGIN_USER_NOT_VERIFIED");
        }
        return tokens.accessToken(user.id(), user.username(), user.roles());
    }

    /** {@code POST /user/update-password}: the form carries the credentials (unverified users may use it). */
    public void updatePassword(Map<String, Object> form) {
        BodyFields f = new BodyFields(form);
        String username = f.requiredString("username");
        String password = f.requiredString("password");
        String newPassword = f.requiredString("new_password");
        f.validate();
        User user = withCredentials(username, password);
        PasswordRules.check(newPassword, "UPDATE_USER_INVALID_PASSWORD");
        store.update(user, user.withHashedPassword(hasher.hash(newPassword)));
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
            if (isDuplicate(e) && store.anySuperuser()) {
                return false;
            }
            throw new IllegalStateException("Cannot create the initial admin '" + username
                    + "': a non-admin user already has that name or e-mail", e);
        }
    }

    /** {@code POST /user/register} (admins): everything is checked before anything is written. */
    public User register(Map<String, Object> body) {
        UserCreate request = UserCreate.from(body);
        List<GroupRef> groupRefs = groups.resolve(request.groups());
        PasswordRules.check(request.password(), "REGISTER_INVALID_PASSWORD");
        Supplier<BadRequestException> exists = () -> new BadRequestException("REGISTER_USER_ALREADY_EXISTS");
        if (store.findByUsername(request.username()).isPresent() || store.findByEmail(request.email()).isPresent()) {
            throw exists.get();
        }
        try {
            return store.insert(new User(null, request.email(), request.username(), hasher.hash(request.password()),
                    request.active(), request.superuser(), request.verified(), groupRefs));
        } catch (MongoWriteException e) {
            throw isDuplicate(e) ? exists.get() : e;
        }
    }

    /** {@code GET /user/{id}}: unknown and malformed ids are the same plain 404, as upstream. */
    public User get(String id) {
        return store.findById(id).orElseThrow(() -> new NotFoundException("Not Found"));
    }

    /**
     * {@code GET /users}: exact-match filters on the stored document. Password hashes cannot be
     * filtered on, and e-mail addresses (hidden from other users) only by admins, so that the
     * totals of a listing reveal neither.
     */
    public Page<User> list(User viewer, PageRequest page) {
        if (page.filters().containsKey("hashed_password")) {
            throw new BadRequestException("Users cannot be filtered by hashed_password");
        }
        if (page.filters().containsKey("email") && !viewer.superuser()) {
            throw new ForbiddenException("Only admins can filter users by email");
        }
        return store.find(ExactMatch.filter(page.filters()), page);
    }

    /** {@code PATCH /user/me}: name, address and password; flags are ignored and groups refused. */
    public User updateSelf(User caller, Map<String, Object> body) {
        UserChanges changes = UserChanges.from(body);
        if (changes.groups().filter(g -> !g.isEmpty()).isPresent()) {
            throw new BadRequestException("User groups can only be updated by an admin user");
        }
        return apply(caller, changes.selfService());
    }

    /** {@code PATCH /user/{id}} (admins): every field, groups replaced when given. */
    public User updateById(String id, Map<String, Object> body) {
        UserChanges changes = UserChanges.from(body);
        Ids.parse(id);
        User current = store.findById(id).orElseThrow(() -> userNotFound(id));
        return apply(current, changes);
    }

    /** {@code DELETE /user/{id}} (admins). The user's tokens stop working with the next request. */
    public void delete(String id) {
        Optional<User> current = Ids.isValid(id) ? store.findById(id) : Optional.empty();
        current.ifPresent(user -> keepsAWorkingAdmin(user, false));
        if (!store.delete(id)) {
            throw new NotFoundException("Not Found");
        }
    }

    /**
     * Refuses to delete, deactivate, un-verify or demote the last active, verified superuser:
     * without one nobody can manage users until a restart creates the initial admin again.
     * (Two admins demoting each other at the same instant can still both succeed; the store has
     * no transactions, and the restart remains the way out.)
     */
    private void keepsAWorkingAdmin(User current, boolean staysWorkingAdmin) {
        if (current.workingAdmin() && !staysWorkingAdmin && !store.anyOtherWorkingAdmin(current.id())) {
            throw new ConflictException("'" + current.username() + "' is the last active, verified superuser: "
                    + "make another user one before deleting, deactivating or demoting this one");
        }
    }

    private User apply(User current, UserChanges changes) {
        Optional<String> newName = changes.username().filter(name -> !name.equals(current.username()));
        if (newName.isPresent() && store.findByUsername(newName.get()).isPresent()) {
            throw usernameTaken(newName.get());
        }
        List<GroupRef> newGroups = changes.groups().map(groups::resolve).orElse(current.groups());
        // Addresses compare without case (as the uniqueness check does); a new one must be verified again.
        boolean newEmail = changes.email().filter(e -> !lower(e).equals(lower(current.email()))).isPresent();
        if (newEmail && store.findByEmail(changes.email().get()).filter(u -> !u.id().equals(current.id())).isPresent()) {
            throw emailTaken();
        }
        changes.password().ifPresent(p -> PasswordRules.check(p, "UPDATE_USER_INVALID_PASSWORD"));
        User updated = new User(current.id(), changes.email().orElse(current.email()), changes.username().orElse(current.username()),
                changes.password().map(hasher::hash).orElse(current.hashedPassword()),
                changes.active().orElse(current.active()), changes.superuser().orElse(current.superuser()),
                changes.verified().orElse(!newEmail && current.verified()), newGroups);
        keepsAWorkingAdmin(current, updated.workingAdmin());
        try {
            if (!store.update(current, updated)) {
                throw userNotFound(current.id());
            }
        } catch (MongoWriteException e) {
            // Another request took the name or address between the checks above and the write.
            throw !isDuplicate(e) ? e : newName.isPresent() ? usernameTaken(newName.get()) : emailTaken();
        }
        return updated;
    }

    private User withCredentials(String username, String password) {
        Optional<User> found = store.findByUsername(username);
        boolean matches = hasher.verify(password, found.map(User::hashedPassword).orElse(decoyHash));
        User user = found.filter(u -> matches).filter(User::active)
                .orElseThrow(() -> new BadRequestException("LOGIN_BAD_CREDENTIALS"));
        if (hasher.needsRehash(user.hashedPassword())) {
            // A KernelCI hash (adopted database): replaced by ours now that the password is known.
            store.replacePassword(user.id(), user.hashedPassword(), hasher.hash(password));
        }
        return user;
    }

    private static boolean isDuplicate(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static NotFoundException userNotFound(String id) {
        return new NotFoundException("User not found with id: " + id);
    }

    private static BadRequestException usernameTaken(String name) {
        return new BadRequestException("Username already exists: " + name);
    }

    private static BadRequestException emailTaken() {
        return new BadRequestException("UPDATE_USER_EMAIL_ALREADY_EXISTS");
    }
}
