package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ValidationException;
import dev.maestro.mail.MailNotConfiguredException;
import dev.maestro.mail.Outbox;
import dev.maestro.security.PurposeTokens;
import dev.maestro.testing.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PasswordResetServiceTest {
    @RegisterExtension
    static final Accounts accounts = new Accounts();
    private static final PasswordResetService resets = accounts.resets;

    private static String requestToken(User user) throws Exception {
        resets.forgotPassword(Map.of("email", user.email().toUpperCase()));
        List<MimeMessage> mails = accounts.mail.to(user.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Reset Password Token for KernelCI API account");
        return Mails.tokenIn(mails.get(0));
    }

    private static void badToken(String token, String password) {
        assertThatThrownBy(() -> resets.resetPassword(Map.of("token", token, "password", password)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage()).isEqualTo("RESET_PASSWORD_BAD_TOKEN"));
    }

    @Test
    void theMailedTokenSetsANewPasswordOnceAndAConfirmationFollows() throws Exception {
        User u = accounts.create("reset", "old-pw", true, false);
        String token = requestToken(u);
        resets.resetPassword(Map.of("token", token, "password", "new-pw"));
        assertThat(accounts.hasher.verify("new-pw", accounts.users.findById(u.id()).orElseThrow().hashedPassword())).isTrue();
        assertThat(accounts.mail.to(u.email())).extracting(MimeMessage::getSubject)
                .containsExactly("Reset Password Token for KernelCI API account", "Password reset successful for KernelCI API account");
        badToken(token, "third-pw");
    }

    @Test
    void anyPasswordChangeVoidsAnOutstandingToken() throws Exception {
        User u = accounts.create("voided", "old-pw", true, false);
        String token = requestToken(u);
        accounts.service.updatePassword(Map.of("username", u.username(), "password", "old-pw", "new_password", "other"));
        badToken(token, "new-pw");
    }

    @Test
    void expiredWrongPurposeAndForgedTokensAreBad() {
        User u = accounts.create("forged", "pw", true, false);
        String binding = PurposeTokens.fingerprint(u.hashedPassword());
        PurposeTokens anHourAgo = PurposeTokens.derivedFrom(accounts.key, Clock.fixed(Instant.now().minusSeconds(3601), ZoneOffset.UTC));
        badToken(anHourAgo.mint(PasswordResetService.PURPOSE, u.id(), binding, PasswordResetService.LIFETIME), "x");
        badToken(accounts.tokens.mint(EmailVerificationService.PURPOSE, u.id(), binding, Duration.ofHours(1)), "x");
        badToken(accounts.tokens.mint(PasswordResetService.PURPOSE, "0123456789abcdef01234567", binding, Duration.ofHours(1)), "x");
        badToken("garbage", "x");
    }

    @Test
    void anInactiveAccountCannotResetNorGetAToken() {
        User u = accounts.create("inactive", "pw", true, false);
        String token = accounts.tokens.mint(PasswordResetService.PURPOSE, u.id(), PurposeTokens.fingerprint(u.hashedPassword()),
                Duration.ofHours(1));
        accounts.service.updateById(u.id(), Map.of("is_active", false));
        badToken(token, "new-pw");
        resets.forgotPassword(Map.of("email", u.email()));
        assertThat(accounts.mail.to(u.email())).isEmpty();
    }

    @Test
    void unknownAddressesGetTheSameSilence() {
        resets.forgotPassword(Map.of("email", "nobody-" + Accounts.unique("x") + "@example.org"));
        assertThatThrownBy(() -> resets.forgotPassword(Map.of("email", "not-an-email"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void theNewPasswordFollowsTheRulesAndABadOneKeepsTheToken() throws Exception {
        User u = accounts.create("rules", "pw", true, false);
        String token = requestToken(u);
        assertThatThrownBy(() -> resets.resetPassword(Map.of("token", token, "password", "")))
                .isInstanceOfSatisfying(InvalidPasswordException.class,
                        e -> assertThat(e.detail()).isEqualTo(Map.of("code", "RESET_PASSWORD_INVALID_PASSWORD",
                                "reason", "Password must not be empty or blank")));
        resets.resetPassword(Map.of("token", token, "password", "good"));
    }

    @Test
    void withoutSmtpTheRequestIs503ForEveryAddress() {
        PasswordResetService noMail = new PasswordResetService(accounts.users, accounts.hasher, accounts.tokens,
                new Outbox(Optional.empty(), Runnable::run));
        User u = accounts.create("nomail", "pw", true, false);
        assertThatThrownBy(() -> noMail.forgotPassword(Map.of("email", u.email()))).isInstanceOf(MailNotConfiguredException.class);
        assertThatThrownBy(() -> noMail.forgotPassword(Map.of("email", "ghost@example.org"))).isInstanceOf(MailNotConfiguredException.class);
    }
}
