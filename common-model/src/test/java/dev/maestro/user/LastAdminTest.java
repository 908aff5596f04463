package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.MaestroException;
import dev.maestro.error.ValidationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server always keeps an active, verified superuser, and no username has the shape of an
 * id. Each test starts without users, so "the last admin" is the test's own.
 */
class LastAdminTest {
    @RegisterExtension
    static final Accounts accounts = new Accounts();

    @BeforeEach
    void noUsers() {
        accounts.backends.mongo().database().getCollection("user").deleteMany(new Document());
    }

    @Test
    void theLastWorkingAdminCannotBeDeletedDeactivatedUnverifiedOrDemoted() {
        User admin = accounts.create("admin", "pw", true, true);
        accounts.create("unverified-admin", "pw", false, true);
        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("is_superuser", false),
                Map.of("is_active", false), Map.of("is_verified", false), Map.of("email", "new-address@example.org"))) {
            refusedAsConflict(() -> accounts.service.updateById(admin.id(), change), admin.username());
        }
        refusedAsConflict(() -> accounts.service.delete(admin.id()), admin.username());
        assertThat(accounts.users.findById(admin.id())).contains(admin);
    }

    @Test
    void anAdminGoesOnceAnotherWorkingAdminExists() {
        User first = accounts.create("admin", "pw", true, true);
        User second = accounts.create("admin", "pw", true, true);
        accounts.service.updateById(first.id(), Map.of("is_superuser", false));
        refusedAsConflict(() -> accounts.service.delete(second.id()), second.username());
        accounts.service.updateById(first.id(), Map.of("is_superuser", true));
        accounts.service.delete(second.id());
        assertThat(accounts.users.findById(second.id())).isEmpty();
        assertThat(accounts.service.updateById(first.id(), Map.of("username", "still-admin")).workingAdmin()).isTrue();
    }

    @Test
    void aUsernameShapedLikeAnIdIsRefused() {
        User user = accounts.create("user", "pw", true, false);
        String idShaped = "0123456789abcdefABCDEF01";
        Map<String, Object> registration = new HashMap<>(Map.of("username", idShaped, "email", "id@example.org", "password", "pw"));
        assertThatThrownBy(() -> accounts.service.register(registration)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.service.updateById(user.id(), Map.of("username", idShaped)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> accounts.service.updateSelf(user, Map.of("username", user.id())))
                .isInstanceOf(ValidationException.class);
        assertThat(accounts.users.findById(user.id())).contains(user);
        assertThat(accounts.users.findByUsername(idShaped)).isEmpty();
    }

    private static void refusedAsConflict(ThrowingCallable call, String username) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MaestroException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat((String) e.detail()).contains(username, "last active, verified superuser");
        });
    }
}
