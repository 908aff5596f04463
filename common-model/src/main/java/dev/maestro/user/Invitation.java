package dev.maestro.user;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An invitation sent: the invited user, whether the mail went out, where the invitation is
 * accepted, and (only when asked for) the link with its token.
 */
public record Invitation(User user, boolean emailSent, String publicBaseUrl, String acceptInviteUrl, String token) {

    /** KernelCI's UserInviteResponse. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", user.toJson());
        m.put("email_sent", emailSent);
        m.put("public_base_url", publicBaseUrl);
        m.put("accept_invite_url", acceptInviteUrl);
        m.put("invite_url", token == null ? null : InvitationService.inviteUrl(acceptInviteUrl, token));
        m.put("token", token);
        return m;
    }
}
