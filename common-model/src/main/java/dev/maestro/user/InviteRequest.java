package dev.maestro.user;

import dev.maestro.json.BodyFields;
import java.util.List;
import java.util.Map;

/** A validated {@code POST /user/invite} body (KernelCI's UserInviteRequest, with its defaults). */
record InviteRequest(String username, String email, List<String> groups, boolean superuser, boolean sendEmail,
                     boolean returnToken, boolean resendIfExists) {

    static InviteRequest from(Map<String, Object> body) {
        BodyFields f = new BodyFields(body);
        InviteRequest request = new InviteRequest(f.requiredName("username"), f.requiredEmail("email"),
                f.optionalUniqueStrings("groups").orElse(List.of()), f.optionalBoolean("is_superuser").orElse(false),
                f.optionalBoolean("send_email").orElse(true), f.optionalBoolean("return_token").orElse(false),
                f.optionalBoolean("resend_if_exists").orElse(false));
        f.validate();
        return request;
    }
}
