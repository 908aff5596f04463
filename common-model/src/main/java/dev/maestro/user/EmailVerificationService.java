package dev.maestro.user;

import dev.maestro.error.BadRequestException;
import dev.maestro.json.BodyFields;
import dev.maestro.mail.Mail;
import dev.maestro.mail.Outbox;
import dev.maestro.security.PurposeTokens;
import java.time.Duration;
import java.util.Map;

/**
 * E-mail verification (fastapi-users' flow, which KernelCI does not expose): a token mailed to
 * the address proves the user reads it. The token is bound to the address, so once the user
 * changes it, a token for the old one no longer verifies anything.
 */
public class EmailVerificationService {
    static final String PURPOSE = "maestro:verify-email";
    static final Duration LIFETIME = Duration.ofHours(24);
    static final String SUBJECT = "Verify your e-mail address for KernelCI API account";

    private final UserStore users;
    private final PurposeTokens tokens;
    private final Outbox outbox;

    public EmailVerificationService(UserStore users, PurposeTokens tokens, Outbox outbox) {
        this.users = users;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    /**
     * {@code POST /user/request-verify-token}: mails a token to an active, unverified account
     * with this address; the same answer for every address, so none can be probed.
     */
    public void requestToken(Map<String, Object> body) {
        MailedTokenRequest.activeAccount(body, users, outbox).filter(u -> !u.verified()).ifPresent(user -> {
            String token = tokens.mint(PURPOSE, user.id(), user.email(), LIFETIME);
            outbox.post(new Mail(user.email(), SUBJECT, """
                    Hello %s,

                    The token to verify the e-mail address of your KernelCI API account is:

                      %s

                    It is valid for 24 hours: send it to /user/verify. If you did not ask
                    for it, ignore this mail.
                    """.formatted(user.username(), token)));
        });
    }

    /** {@code POST /user/verify}: the verified user, with fastapi-users' error codes. */
    public User verify(Map<String, Object> body) {
        BodyFields f = new BodyFields(body);
        String token = f.requiredString("token");
        f.validate();
        User user = tokens.read(token, PURPOSE)
                .flatMap(claims -> users.findById(claims.subject()).filter(u -> claims.binding().equals(u.email())))
                .orElseThrow(EmailVerificationService::badToken);
        if (user.verified()) {
            throw new BadRequestException("VERIFY_USER_ALREADY_VERIFIED");
        }
        // Only while the address is still the one the token was sent to.
        return users.markVerified(user.id(), user.email()).orElseThrow(EmailVerificationService::badToken);
    }

    private static BadRequestException badToken() {
        return new BadRequestException("VERIFY_USER_BAD_TOKEN");
    }
}
