package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ForbiddenException;
import dev.maestro.error.MaestroException;
import dev.maestro.error.NotFoundException;
import dev.maestro.error.UnauthorizedException;
import dev.maestro.error.ValidationException;
import dev.maestro.store.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserServiceTest {
    private static final String PASSWORD = "s3cret";
    @RegisterExtension
    static final Accounts accounts = new Accounts();
    private static final UserService service = accounts.service;

    private static void fails(ThrowingCallable call, int status, Object detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MaestroException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.detail()).isEqualTo(detail);
        });
    }

    private static Map<String, Object> registration(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", name);
        body.put("email", name + "@example.org");
        body.put("password", PASSWORD);
        return body;
    }

    @Test
    void registerAppliesFastapiUsersDefaultsAndGroups() {
        String group = Accounts.unique("team");
        accounts.groupStore.insert(group);
        Map<String, Object> body = registration(Accounts.unique("reg"));
        body.put("groups", List.of(group));
        User u = service.register(body);
        assertThat(u.id()).isNotNull();
        assertThat(u.active()).isTrue();
        assertThat(u.verified()).isFalse();
        assertThat(u.superuser()).isFalse();
        assertThat(u.groups()).extracting(GroupRef::name).containsExactly(group);
        assertThat(accounts.hasher.verify(PASSWORD, u.hashedPassword())).isTrue();
    }

    @Test
    void registerRefusesDuplicatesIgnoringEmailCase() {
        String name = Accounts.unique("dup");
        service.register(registration(name));
        Map<String, Object> sameEmail = registration(name + "-2");
        sameEmail.put("email", name.toUpperCase() + "@EXAMPLE.ORG");
        fails(() -> service.register(registration(name)), 400, "REGISTER_USER_ALREADY_EXISTS");
        fails(() -> service.register(sameEmail), 400, "REGISTER_USER_ALREADY_EXISTS");
    }

    @Test
    void registerChecksEverythingBeforeWritingAnything() {
        String name = Accounts.unique("partial");
        Map<String, Object> unknownGroup = registration(name);
        unknownGroup.put("groups", List.of("no-such-group-" + name));
        fails(() -> service.register(unknownGroup), 400, "User group does not exist with name: no-such-group-" + name);
        Map<String, Object> blankPassword = registration(name);
        blankPassword.put("password", " ");
        fails(() -> service.register(blankPassword), 400,
                Map.of("code", "REGISTER_INVALID_PASSWORD", "reason", "Password must not be empty or blank"));
        Map<String, Object> badEmail = registration(name);
        badEmail.put("email", "nope");
        assertThatThrownBy(() -> service.register(badEmail)).isInstanceOf(ValidationException.class);
        assertThat(accounts.users.findByUsername(name)).isEmpty();
    }

    @Test
    void loginNeedsAVerifiedActiveAccount() {
        User verified = accounts.create("login", PASSWORD, true, false);
        User unverified = accounts.create("unverified", PASSWORD, false, false);
        assertThat(service.login(verified.username(), PASSWORD)).isNotBlank();
        fails(() -> service.login(verified.username(), "wrong"), 400, "LOGIN_BAD_CREDENTIALS");
        fails(() -> service.login("nobody-" + verified.username(), PASSWORD), 400, "LOGIN_BAD_CREDENTIALS");
        fails(() -> service.login(unverified.username(), PASSWORD), 400, "LOGIN_USER_NOT_VERIFIED");
        fails(() -> service.login(unverified.username(), "wrong"), 400, "LOGIN_BAD_CREDENTIALS");
        accounts.users.update(verified, new User(verified.id(), verified.email(), verified.username(), verified.hashedPassword(),
                false, false, true, List.of()));
        fails(() -> service.login(verified.username(), PASSWORD), 400, "LOGIN_BAD_CREDENTIALS");
    }

    @Test
    void authenticatedRefusesDeletedAndInactiveUsers() {
        User u = accounts.create("auth", PASSWORD, true, false);
        assertThat(service.authenticated(u.id()).id()).isEqualTo(u.id());
        service.updateById(u.id(), Map.of("is_active", false));
        assertThatThrownBy(() -> service.authenticated(u.id())).isInstanceOf(UnauthorizedException.class);
        service.delete(u.id());
        assertThatThrownBy(() -> service.authenticated(u.id())).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void updatePasswordChecksCredentialsAndWorksUnverified() {
        User u = accounts.create("updpw", PASSWORD, false, false);
        fails(() -> service.updatePassword(Map.of("username", u.username(), "password", "wrong", "new_password", "n")),
                400, "LOGIN_BAD_CREDENTIALS");
        assertThatThrownBy(() -> service.updatePassword(Map.of("username", u.username(), "password", PASSWORD)))
                .isInstanceOf(ValidationException.class);
        service.updatePassword(Map.of("username", u.username(), "password", PASSWORD, "new_password", "brand-new"));
        assertThat(accounts.hasher.verify("brand-new", accounts.users.findById(u.id()).orElseThrow().hashedPassword())).isTrue();
    }

    @Test
    void selfServiceIgnoresFlagsAndRefusesGroups() {
        User u = accounts.create("self", PASSWORD, true, false);
        User after = service.updateSelf(u, Map.of("is_superuser", true, "is_active", false, "is_verified", false, "groups", List.of()));
        assertThat(after.superuser()).isFalse();
        assertThat(after.active()).isTrue();
        assertThat(after.verified()).isTrue();
        fails(() -> service.updateSelf(u, Map.of("groups", List.of("x"))), 400, "User groups can only be updated by an admin user");
    }

    @Test
    void selfServiceChecksNameAndAddressAgainstOtherUsers() {
        User u = accounts.create("me", PASSWORD, true, false);
        User other = accounts.create("other", PASSWORD, true, false);
        fails(() -> service.updateSelf(u, Map.of("username", other.username())), 400, "Username already exists: " + other.username());
        fails(() -> service.updateSelf(u, Map.of("email", other.email().toUpperCase())), 400, "UPDATE_USER_EMAIL_ALREADY_EXISTS");
        assertThat(service.updateSelf(u, Map.of("username", u.username(), "email", u.email())).verified()).isTrue();
    }

    @Test
    void aNewAddressMustBeVerifiedAgainButNotACaseChange() {
        User u = accounts.create("addr", PASSWORD, true, false);
        User recased = service.updateSelf(u, Map.of("email", u.email().toUpperCase()));
        assertThat(recased.verified()).isTrue();
        User moved = service.updateSelf(recased, Map.of("email", "new-" + u.email(), "password", "new-pw"));
        assertThat(moved.verified()).isFalse();
        User stored = accounts.users.findById(u.id()).orElseThrow();
        assertThat(stored.email()).isEqualTo("new-" + u.email());
        assertThat(accounts.hasher.verify("new-pw", stored.hashedPassword())).isTrue();
    }

    @Test
    void adminUpdateSetsFlagsAndReplacesOrClearsGroups() {
        String a = Accounts.unique("ga");
        String b = Accounts.unique("gb");
        accounts.groupStore.insert(a);
        accounts.groupStore.insert(b);
        User u = accounts.create("adm", PASSWORD, false, false, a);
        User promoted = service.updateById(u.id(), Map.of("is_superuser", 1, "is_verified", true, "groups", List.of(b)));
        assertThat(promoted.superuser()).isTrue();
        assertThat(promoted.verified()).isTrue();
        assertThat(promoted.groups()).extracting(GroupRef::name).containsExactly(b);
        assertThat(service.updateById(u.id(), Map.of("username", u.username() + "-r")).groups()).extracting(GroupRef::name).containsExactly(b);
        assertThat(service.updateById(u.id(), Map.of("groups", List.of())).groups()).isEmpty();
        assertThat(service.updateById(u.id(), Map.of("email", "moved-" + u.email(), "is_verified", true)).verified()).isTrue();
    }

    @Test
    void adminUpdateOfMissingOrMalformedIds() {
        fails(() -> service.updateById("0123456789abcdef01234567", Map.of()), 404, "User not found with id: 0123456789abcdef01234567");
        assertThatThrownBy(() -> service.updateById("xyz", Map.of())).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.getMessage()).startsWith("'xyz' is not a valid ObjectId"));
        User u = accounts.create("nogroup", PASSWORD, true, false);
        fails(() -> service.updateById(u.id(), Map.of("groups", List.of("missing-group"))), 400,
                "User group does not exist with name: missing-group");
    }

    @Test
    void getAndDeleteAnswerPlainNotFound() {
        fails(() -> service.get("0123456789abcdef01234567"), 404, "Not Found");
        fails(() -> service.get("me"), 404, "Not Found");
        fails(() -> service.delete("me"), 404, "Not Found");
        User u = accounts.create("gone", PASSWORD, true, false);
        service.delete(u.id());
        assertThatThrownBy(() -> service.get(u.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listingProtectsHashesAndOtherUsersAddresses() {
        User plain = accounts.create("viewer", PASSWORD, true, false);
        User admin = accounts.create("admin", PASSWORD, true, true);
        assertThatThrownBy(() -> service.list(plain, PageRequest.from(Map.of("email", plain.email()))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.list(admin, PageRequest.from(Map.of("hashed_password", "x"))))
                .isInstanceOf(BadRequestException.class);
        assertThat(service.list(admin, PageRequest.from(Map.of("email", plain.email()))).items())
                .extracting(User::id).containsExactly(plain.id());
        assertThat(service.list(plain, PageRequest.from(Map.of("username", admin.username()))).items().get(0).toJsonFor(plain))
                .containsEntry("email", null);
        assertThat(plain.toJsonFor(plain)).containsEntry("email", plain.email());
        assertThat(plain.toJsonFor(admin)).containsEntry("email", plain.email());
    }

    /** A user adopted from KernelCI logs in with the old password (Python bcrypt's hash), and the hash becomes ours. */
    @Test
    void aKernelciBcryptUserLogsInAndTheHashIsUpgraded() {
        String name = Accounts.unique("kci");
        // bcrypt.hashpw(b's3cret', bcrypt.gensalt(12)) with Python bcrypt 5.0.0, as fastapi-users stored it.
        String bcrypt = "$2b$12$z1jt/v5jrMwyS9orheh1/.610XIIt5oCW/sObb4cB.pPwiBnSjg9K";
        User user = accounts.users.insert(new User(null, name + "@example.org", name, bcrypt, true, false, true, List.of()));
        fails(() -> service.login(name, "wrong"), 400, "LOGIN_BAD_CREDENTIALS");
        assertThat(service.login(name, "s3cret")).isNotBlank();
        String upgraded = accounts.users.findById(user.id()).orElseThrow().hashedPassword();
        assertThat(upgraded).startsWith("PBKDF2WithHmacSHA256:");
        assertThat(service.login(name, "s3cret")).isNotBlank();
    }
}
