package dev.maestro.user;

import dev.maestro.json.BodyFields;
import dev.maestro.mail.Outbox;
import java.util.Map;
import java.util.Optional;

/**
 * The common start of the requests that mail a token ({@code forgot-password},
 * {@code request-verify-token}): a valid {@code email} field, a configured mail server, then
 * the active account with that address if there is one. Callers answer the same either way, so
 * no address can be probed.
 */
final class MailedTokenRequest {
    private MailedTokenRequest() {
    }

    static Optional<User> activeAccount(Map<String, Object> body, UserStore users, Outbox outbox) {
        BodyFields f = new BodyFields(body);
        String email = f.requiredEmail("email");
        f.validate();
        outbox.requireConfigured();
        return users.findByEmail(email).filter(User::active);
    }
}
