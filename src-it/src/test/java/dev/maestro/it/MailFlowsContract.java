package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.Registrations;
import dev.maestro.it.support.Registrations.Account;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.Mailbox;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import dev.maestro.testing.Mails;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flows that go through the user's mailbox, end to end: the token is read from the mail
 * GreenMail received from the server under test.
 */
public interface MailFlowsContract extends ApiContract {
    String VERIFY_SUBJECT = "Verify your e-mail address for KernelCI API account";
    String RESET_SUBJECT = "Reset Password Token for KernelCI API account";
    String RESET_DONE_SUBJECT = "Password reset successful for KernelCI API account";

    private ApiResponse login(String username, String password) {
        return api().postForm("/latest/user/login", Map.of("username", username, "password", password));
    }

    @Test
    default void aRegisteredUserVerifiesTheirAddressWithTheMailedToken() {
        Account a = Registrations.register(admin(), "verify");
        assertThat(login(a.username(), a.password()).detail()).isEqualTo("LOGIN_USER_NOT_VERIFIED");
        ApiResponse requested = api().post("/latest/user/request-verify-token", Map.of("email", a.email()));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.body()).isEqualTo("null");
        String token = Mailbox.awaitToken(a.email(), VERIFY_SUBJECT);
        ApiResponse verified = api().post("/latest/user/verify", Map.of("token", token));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.map().keySet()).containsExactlyElementsOf(UsersContract.USER_READ_KEYS);
        assertThat(verified.map()).containsEntry("id", a.id()).containsEntry("is_verified", true).containsEntry("email", a.email());
        assertThat(login(a.username(), a.password()).status()).isEqualTo(200);
        ApiResponse again = api().post("/user/verify", Map.of("token", token));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.detail()).isEqualTo("VERIFY_USER_ALREADY_VERIFIED");
    }

    @Test
    default void requestingAVerifyTokenSaysNothingAboutTheAddress() {
        TestUser verified = TestUsers.create(api(), "verified");
        String unknown = TestUsers.unique("nobody") + "@example.org";
        ApiResponse forUnknown = api().post("/latest/user/request-verify-token", Map.of("email", unknown));
        ApiResponse forVerified = api().post("/latest/user/request-verify-token", Map.of("email", verified.user().email()));
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forVerified.status()).isEqualTo(202);
        assertThat(forVerified.body()).isEqualTo(forUnknown.body()).isEqualTo("null");
        assertThat(Mailbox.within(verified.user().email(), VERIFY_SUBJECT, Duration.ofSeconds(2))).isEmpty();
        ApiResponse invalid = api().post("/latest/user/request-verify-token", Map.of("email", "not-an-address"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(api().post("/latest/user/request-verify-token", Map.of()).status()).isEqualTo(422);
    }

    @Test
    default void badVerifyTokensAre400() {
        TestUser u = TestUsers.create(api(), "resetter");
        api().post("/latest/user/forgot-password", Map.of("email", u.user().email()));
        String resetToken = Mailbox.awaitToken(u.user().email(), RESET_SUBJECT);
        for (String token : new String[] {"garbage", resetToken, u.token()}) {
            ApiResponse r = api().post("/latest/user/verify", Map.of("token", token));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.detail()).isEqualTo("VERIFY_USER_BAD_TOKEN");
        }
        assertThat(api().post("/latest/user/verify", Map.of()).status()).isEqualTo(422);
    }

    @Test
    default void aChangedAddressIsVerifiedAgainAndTheOldTokenIsVoid() {
        Account a = Registrations.register(admin(), "mover");
        api().post("/latest/user/request-verify-token", Map.of("email", a.email()));
        String oldToken = Mailbox.awaitToken(a.email(), VERIFY_SUBJECT);
        String newEmail = "new-" + a.email();
        ApiResponse moved = admin().patch("/latest/user/" + a.id(), Map.of("email", newEmail));
        assertThat(moved.map()).containsEntry("is_verified", false);
        assertThat(api().post("/latest/user/verify", Map.of("token", oldToken)).detail()).isEqualTo("VERIFY_USER_BAD_TOKEN");
        api().post("/latest/user/request-verify-token", Map.of("email", newEmail));
        String token = Mailbox.awaitToken(newEmail, VERIFY_SUBJECT);
        assertThat(api().post("/latest/user/verify", Map.of("token", token)).map()).containsEntry("is_verified", true);
        String access = api().login(a.username(), a.password());
        assertThat(api().as(access).get("/latest/whoami").map()).containsEntry("email", newEmail);
    }

    @Test
    default void aForgottenPasswordIsResetOnceWithTheMailedToken() {
        TestUser u = TestUsers.create(api(), "forgetful");
        String email = u.user().email();
        ApiResponse forgot = api().post("/latest/user/forgot-password", Map.of("email", email.toUpperCase()));
        assertThat(forgot.status()).isEqualTo(202);
        assertThat(forgot.body()).isEqualTo("null");
        String token = Mailbox.awaitToken(email, RESET_SUBJECT);
        ApiResponse reset = api().post("/latest/user/reset-password", Map.of("token", token, "password", "brand-new"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("null");
        assertThat(login(u.username(), u.password()).detail()).isEqualTo("LOGIN_BAD_CREDENTIALS");
        assertThat(login(u.username(), "brand-new").status()).isEqualTo(200);
        assertThat(Mailbox.await(email, RESET_DONE_SUBJECT, 1)).hasSize(1);
        ApiResponse reused = api().post("/latest/user/reset-password", Map.of("token", token, "password", "third"));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.detail()).isEqualTo("RESET_PASSWORD_BAD_TOKEN");
        assertThat(login(u.username(), "brand-new").status()).isEqualTo(200);
    }

    @Test
    default void forgotPasswordAnswersTheSameForUnknownAddresses() {
        ApiResponse unknown = api().post("/latest/user/forgot-password", Map.of("email", TestUsers.unique("ghost") + "@example.org"));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo("null");
        assertThat(api().post("/user/forgot-password", Map.of("email", "nope")).status()).isEqualTo(422);
        assertThat(api().post("/user/forgot-password", "").status()).isEqualTo(422);
    }

    @Test
    default void badResetRequestsChangeNothing() {
        TestUser u = TestUsers.create(api(), "careful");
        api().post("/latest/user/forgot-password", Map.of("email", u.user().email()));
        String token = Mailbox.awaitToken(u.user().email(), RESET_SUBJECT);
        ApiResponse blank = api().post("/latest/user/reset-password", Map.of("token", token, "password", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.detail()).isEqualTo(Map.of("code", "RESET_PASSWORD_INVALID_PASSWORD", "reason", "Password must not be empty or blank"));
        for (String bad : new String[] {"garbage", u.token()}) {
            ApiResponse r = api().post("/latest/user/reset-password", Map.of("token", bad, "password", "x"));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.detail()).isEqualTo("RESET_PASSWORD_BAD_TOKEN");
        }
        ApiResponse missing = api().post("/latest/user/reset-password", Map.of("token", token));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(login(u.username(), u.password()).status()).isEqualTo(200);
        assertThat(api().post("/latest/user/reset-password", Map.of("token", token, "password", "fine")).status()).isEqualTo(200);
    }

    @Test
    default void anyPasswordChangeVoidsAPendingResetToken() {
        TestUser u = TestUsers.create(api(), "changer");
        api().post("/latest/user/forgot-password", Map.of("email", u.user().email()));
        String token = Mailbox.awaitToken(u.user().email(), RESET_SUBJECT);
        ApiClient as = api().as(u.token());
        assertThat(as.patch("/latest/user/me", Map.of("password", "changed")).status()).isEqualTo(200);
        ApiResponse r = api().post("/latest/user/reset-password", Map.of("token", token, "password", "other"));
        assertThat(r.detail()).isEqualTo("RESET_PASSWORD_BAD_TOKEN");
        assertThat(login(u.username(), "changed").status()).isEqualTo(200);
    }

    @Test
    default void theMailsArePlainTextFromTheConfiguredSender() throws Exception {
        TestUser u = TestUsers.create(api(), "reader");
        api().post("/latest/user/forgot-password", Map.of("email", u.user().email()));
        var mail = Mailbox.await(u.user().email(), RESET_SUBJECT, 1).get(0);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("maestro@localhost");
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat((String) mail.getContent()).contains("Hello " + u.username()).contains(Mails.tokenIn(mail));
        assertThat(List.of(mail.getAllRecipients())).extracting(Object::toString).containsExactly(u.user().email());
    }
}
