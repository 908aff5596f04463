package dev.maestro.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.NotFoundException;
import dev.maestro.json.BodyFields;
import dev.maestro.mail.Mail;
import dev.maestro.mail.Outbox;
import dev.maestro.security.PasswordHasher;
import dev.maestro.security.PurposeTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KernelCI's way of adding users: an admin invites a name and an address (the user is created
 * unverified, with an unusable random password), a link with a single-use token is mailed, and
 * the invited person sets a password with it, which verifies the account. Errors use KernelCI's
 * codes and details, which its clients show as they are.
 */
public class InvitationService {
    static final String PURPOSE = "maestro:invite";
    static final String SUBJECT = "Invitation to KernelCI API";
    static final String WELCOME_SUBJECT = "Welcome to KernelCI API";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore users;
    private final GroupService groups;
    private final PasswordHasher hasher;
    private final PurposeTokens tokens;
    private final Outbox outbox;
    private final Duration lifetime;

    public InvitationService(UserStore users, GroupService groups, PasswordHasher hasher, PurposeTokens tokens, Outbox outbox,
                             Duration lifetime) {
        this.users = users;
        this.groups = groups;
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
        this.lifetime = lifetime;
    }

    /** Where invitations are accepted, under the server's public base URL. */
    public static String acceptInviteUrl(String publicBaseUrl) {
        return publicBaseUrl + "/user/accept-invite";
    }

    static String inviteUrl(String acceptInviteUrl, String token) {
        return acceptInviteUrl + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * {@code POST /user/invite}: invites a new user, or invites again an existing unverified one
     * when {@code resend_if_exists} says so (the request's groups and flags are then ignored).
     */
    public Invitation invite(Map<String, Object> body, String publicBaseUrl) {
        InviteRequest request = InviteRequest.from(body);
        Optional<User> existing = users.findByUsername(request.username()).or(() -> users.findByEmail(request.email()));
        User user = existing.isPresent() ? reinvited(existing.get(), request) : created(request);
        String token = tokens.mint(PURPOSE, user.id(), user.email(), lifetime);
        String acceptUrl = acceptInviteUrl(publicBaseUrl);
        boolean sent = request.sendEmail() && outbox.post(new Mail(user.email(), SUBJECT, """
                Hello %s,

                You are invited to a KernelCI API account (user name: %s). Choose your password here:

                  %s

                The link works once and is valid for %d days. If you did not expect it, ignore this mail.

                The token, should the link not open: %s
                """.formatted(user.username(), user.username(), inviteUrl(acceptUrl, token), lifetime.toDays(), token)));
        return new Invitation(user, sent, publicBaseUrl, acceptUrl, request.returnToken() ? token : null);
    }

    private static User reinvited(User user, InviteRequest request) {
        if (!request.resendIfExists()) {
            throw new BadRequestException("User already exists");
        }
        if (user.verified()) {
            throw new BadRequestException("User already verified");
        }
        if (!user.username().equals(request.username())) {
            throw new BadRequestException("Existing user has a different username");
        }
        if (!user.email().equals(request.email())) {
            throw new BadRequestException("Existing user has a different email");
        }
        return user;
    }

    private User created(InviteRequest request) {
        List<GroupRef> groupRefs = groups.resolve(request.groups());
        try {
            return users.insert(new User(null, request.email(), request.username(), hasher.hash(unusablePassword()), true,
                    request.superuser(), false, groupRefs));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // Another request created the same name or address in the meantime.
            throw new BadRequestException("User already exists");
        }
    }

    /**
     * {@code POST /user/accept-invite}: sets the password (any text, as upstream) and verifies the
     * account; the token then no longer works. A welcome mail follows when mail is configured.
     */
    public User accept(Map<String, Object> body) {
        BodyFields f = new BodyFields(body);
        String token = f.requiredString("token");
        String password = f.requiredString("password");
        f.validate();
        PurposeTokens.Claims claims = tokens.read(token, PURPOSE).orElseThrow(() -> tokens.purposeOf(token).isPresent()
                ? new BadRequestException("Invalid invite token")
                : new BadRequestException("Invalid or expired invite token"));
        User user = users.findById(claims.subject()).orElseThrow(() -> new NotFoundException("User not found"));
        if (!user.active()) {
            throw new BadRequestException("User is inactive");
        }
        if (!claims.binding().equals(user.email())) {
            throw new BadRequestException("Invalid invite token");
        }
        if (user.verified()) {
            throw new BadRequestException("Invite already accepted");
        }
        User accepted = users.acceptInvitation(user.id(), user.email(), hasher.hash(password))
                .orElseThrow(() -> new BadRequestException("Invite already accepted"));
        outbox.post(new Mail(accepted.email(), WELCOME_SUBJECT, """
                Hello %s,

                Your KernelCI API account is ready: log in as %s with the password you chose.
                """.formatted(accepted.username(), accepted.username())));
        return accepted;
    }

    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
