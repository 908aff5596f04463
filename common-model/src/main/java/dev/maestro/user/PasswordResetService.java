package dev.maestro.user;

import dev.maestro.error.BadRequestException;
import dev.maestro.json.BodyFields;
import dev.maestro.mail.Mail;
import dev.maestro.mail.Outbox;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.PurposeTokens;
import java.time.Duration;
import java.util.Map;

/**
 * The forgotten-password flow: a reset token mailed to the account's address, then a new
 * password set with it. A token lives one hour and is bound to the password hash it was issued
 * against, so it works once: after the reset (or any other password change) it is void.
 */
public class PasswordResetService {
    static final String PURPOSE = "maestro:reset-password";
    static final Duration LIFETIME = Duration.ofHours(1);
    static final String SUBJECT = "Reset Password Token for KernelCI API account";
    static final String DONE_SUBJECT = "Password reset successful for KernelCI API account";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PurposeTokens tokens;
    private final Outbox outbox;

    public PasswordResetService(UserStore users, PasswordHasher hasher, PurposeTokens tokens, Outbox outbox) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    /**
     * {@code POST /user/forgot-password}: mails a token to an active account with this address.
     * The caller learns nothing either way: same answer, and the mail goes out in the background.
     */
    public void forgotPassword(Map<String, Object> body) {
        MailedTokenRequest.activeAccount(body, users, outbox).ifPresent(user -> {
            String token = tokens.mint(PURPOSE, user.id(), PurposeTokens.fingerprint(user.hashedPassword()), LIFETIME);
            outbox.post(new Mail(user.email(), SUBJECT, """
                    Hello %s,

                    The token to reset your password for KernelCI API account is:

                      %s

                    It is valid for one hour and works once: send it with your new password
                    to /user/reset-password. If you did not ask for it, ignore this mail and
                    your password stays as it is.
                    """.formatted(user.username(), token)));
        });
    }

    /** {@code POST /user/reset-password}: sets the new password if the token is still good. */
    public void resetPassword(Map<String, Object> body) {
        BodyFields f = new BodyFields(body);
        String token = f.requiredString("token");
        String password = f.requiredString("password");
        f.validate();
        User user = tokens.read(token, PURPOSE)
                .flatMap(claims -> users.findById(claims.subject())
                        .filter(u -> claims.binding().equals(PurposeTokens.fingerprint(u.hashedPassword()))))
                .filter(User::active)
                .orElseThrow(PasswordResetService::badToken);
        PasswordRules.check(password, "RESET_PASSWORD_INVALID_PASSWORD");
        // Compare-and-set on the old hash: of two requests racing with one token, one wins.
        if (!users.replacePassword(user.id(), user.hashedPassword(), hasher.hash(password))) {
            throw badToken();
        }
        outbox.post(new Mail(user.email(), DONE_SUBJECT, """
                Hello %s,

                Your password reset is successful.
                """.formatted(user.username())));
    }

    private static BadRequestException badToken() {
        return new BadRequestException("RESET_PASSWORD_BAD_TOKEN");
    }
}
