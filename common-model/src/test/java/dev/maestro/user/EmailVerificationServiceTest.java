package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.testing.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailVerificationServiceTest {
    @RegisterExtension
    static final Accounts accounts = new Accounts();
    private static final EmailVerificationService verification = accounts.verification;

    private static String requestToken(User user) throws Exception {
        verification.requestToken(Map.of("email", user.email()));
        List<MimeMessage> mails = accounts.mail.to(user.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo(EmailVerificationService.SUBJECT);
        return Mails.tokenIn(mails.get(0));
    }

    private static void fails(String token, String detail) {
        assertThatThrownBy(() -> verification.verify(Map.of("token", token)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.getMessage()).isEqualTo(detail));
    }

    @Test
    void theMailedTokenVerifiesTheAccountOnce() throws Exception {
        User u = accounts.create("verify", "pw", false, false);
        String token = requestToken(u);
        User verified = verification.verify(Map.of("token", token));
        assertThat(verified.verified()).isTrue();
        assertThat(accounts.users.findById(u.id()).orElseThrow().verified()).isTrue();
        fails(token, "VERIFY_USER_ALREADY_VERIFIED");
    }

    @Test
    void verifiedOrInactiveAccountsGetNoMail() {
        User verified = accounts.create("already", "pw", true, false);
        User inactive = accounts.create("inactive", "pw", false, false);
        accounts.service.updateById(inactive.id(), Map.of("is_active", false));
        verification.requestToken(Map.of("email", verified.email()));
        verification.requestToken(Map.of("email", inactive.email()));
        verification.requestToken(Map.of("email", "ghost-" + Accounts.unique("g") + "@example.org"));
        assertThat(accounts.mail.to(verified.email())).isEmpty();
        assertThat(accounts.mail.to(inactive.email())).isEmpty();
    }

    @Test
    void aTokenForAnAddressTheUserNoLongerHasIsBad() throws Exception {
        User u = accounts.create("moved", "pw", false, false);
        String token = requestToken(u);
        accounts.service.updateSelf(u, Map.of("email", "elsewhere-" + u.email()));
        fails(token, "VERIFY_USER_BAD_TOKEN");
    }

    @Test
    void resetTokensAndGarbageAreBad() {
        User u = accounts.create("wrong", "pw", false, false);
        fails(accounts.tokens.mint(PasswordResetService.PURPOSE, u.id(), u.email(), Duration.ofHours(1)), "VERIFY_USER_BAD_TOKEN");
        fails("a.b.c", "VERIFY_USER_BAD_TOKEN");
    }
}
