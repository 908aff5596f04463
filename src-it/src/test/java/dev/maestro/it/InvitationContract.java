package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.Browser;
import dev.maestro.it.support.Mailbox;
import dev.maestro.it.support.TestUsers;
import dev.maestro.testsupport.ApiResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * KernelCI's invitations: an admin invites, the mailed link opens the accept page in a real
 * browser where the invited person sets a password, and the account then logs in; every
 * documented error answers its code and detail.
 */
public interface InvitationContract extends ApiContract {
    String INVITE_SUBJECT = "Invitation to KernelCI API";
    String WELCOME_SUBJECT = "Welcome to KernelCI API";
    Pattern INVITE_LINK = Pattern.compile("https?://\\S+/user/accept-invite\\?token=\\S+");

    private Map<String, Object> inviteBody(String username, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("email", username + "@example.org");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private String acceptErrorOf(String token) {
        ApiResponse r = api().post("/latest/user/accept-invite", Map.of("token", token, "password", "whatever-1"));
        assertThat(r.status()).as(r.toString()).isIn(400, 404);
        return (String) r.detail();
    }

    @Test
    default void anInvitedPersonSetsAPasswordInABrowserAndLogsIn() {
        String group = TestUsers.unique("invited");
        assertThat(admin().post("/latest/user-groups", Map.of("name", group)).status()).isEqualTo(200);
        String name = TestUsers.unique("carol");
        ApiResponse invited = admin().post("/latest/user/invite", inviteBody(name, "groups", List.of(group)));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) invited.map().get("user");
        assertThat(user).containsEntry("username", name).containsEntry("is_verified", false).containsEntry("is_active", true)
                .containsEntry("is_superuser", false);
        assertThat((List<?>) user.get("groups")).singleElement().satisfies(g -> assertThat(((Map<?, ?>) g).get("name")).isEqualTo(group));
        assertThat(invited.map()).containsEntry("email_sent", true).containsEntry("invite_url", null).containsEntry("token", null);
        String acceptUrl = (String) invited.map().get("accept_invite_url");
        assertThat(acceptUrl).isEqualTo(invited.map().get("public_base_url") + "/user/accept-invite");

        Matcher link = INVITE_LINK.matcher(Mailbox.awaitText(name + "@example.org", INVITE_SUBJECT));
        assertThat(link.find()).as("the mail holds the invitation link").isTrue();
        // Micro names its first non-loopback address; the browser stays on loopback like the tests.
        acceptInBrowser(link.group().substring(link.group().indexOf("/user/accept-invite")), "carol-secret-1", "Invitation accepted");
        assertThat(api().login(name, "carol-secret-1")).isNotBlank();
        assertThat(Mailbox.await(name + "@example.org", WELCOME_SUBJECT, 1)).hasSize(1);
        assertThat(acceptErrorOf(tokenIn(link.group()))).isEqualTo("Invite already accepted");
    }

    @Test
    default void theAcceptPageShowsWhyAnInvitationFails() {
        acceptInBrowser("/user/accept-invite?token=not-a-token", "abc", "Invalid or expired invite token");
    }

    /** Opens the accept page at {@code path} in Chromium, sets {@code password} twice, submits, and waits for {@code outcome}. */
    private void acceptInBrowser(String path, String password, String outcome) {
        Browser chromium = Browser.shared();
        chromium.open(api().base() + path);
        WebDriver browser = chromium.driver();
        assertThat(browser.getTitle()).contains("Accept your invitation");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("confirm")).sendKeys(password);
        browser.findElement(By.id("submit")).click();
        chromium.waiting(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), outcome));
    }

    @Test
    default void invitingAnswersKernelciErrors() {
        String name = TestUsers.unique("dave");
        assertThat(api().post("/latest/user/invite", inviteBody(name)).status()).isEqualTo(401);
        String userToken = TestUsers.create(api(), "plain").token();
        assertThat(api().as(userToken).post("/latest/user/invite", inviteBody(name)).status()).isEqualTo(403);
        assertThat(api().as(userToken).get("/latest/user/invite/url").status()).isEqualTo(403);
        assertThat(admin().post("/latest/user/invite", Map.of("username", name, "email", "not-an-address")).status()).isEqualTo(422);
        assertThat(admin().post("/latest/user/invite", Map.of("email", name + "@example.org")).status()).isEqualTo(422);
        ApiResponse noGroup = admin().post("/latest/user/invite", inviteBody(name, "groups", List.of("no-such-group-x")));
        assertThat(noGroup.status()).isEqualTo(400);
        assertThat(noGroup.detail()).isEqualTo("User group does not exist with name: no-such-group-x");

        ApiResponse first = admin().post("/latest/user/invite", inviteBody(name, "return_token", true, "send_email", false));
        assertThat(first.map()).containsEntry("email_sent", false);
        String token = (String) first.map().get("token");
        assertThat((String) first.map().get("invite_url")).endsWith("/user/accept-invite?token=" + token);
        assertThat(admin().post("/latest/user/invite", inviteBody(name)).detail()).isEqualTo("User already exists");
        assertThat(admin().post("/latest/user/invite", inviteBody(name, "email", "other-" + name + "@example.org",
                "resend_if_exists", true)).detail()).isEqualTo("Existing user has a different email");
        assertThat(admin().post("/latest/user/invite", inviteBody("other-" + name, "email", name + "@example.org",
                "resend_if_exists", true)).detail()).isEqualTo("Existing user has a different username");
        ApiResponse resent = admin().post("/latest/user/invite", inviteBody(name, "resend_if_exists", true, "return_token", true));
        assertThat(resent.status()).isEqualTo(200);

        ApiResponse url = admin().get("/latest/user/invite/url");
        assertThat(url.map()).containsOnlyKeys("public_base_url", "accept_invite_url");

        assertThat(api().post("/latest/user/accept-invite", Map.of("token", token)).status()).isEqualTo(422);
        assertThat(acceptErrorOf("not-a-token")).isEqualTo("Invalid or expired invite token");
        assertThat(api().post("/latest/user/request-verify-token", Map.of("email", name + "@example.org")).status()).isEqualTo(202);
        String verifyToken = Mailbox.awaitToken(name + "@example.org", MailFlowsContract.VERIFY_SUBJECT);
        assertThat(acceptErrorOf(verifyToken)).isEqualTo("Invalid invite token");

        String id = (String) ((Map<?, ?>) first.map().get("user")).get("id");
        assertThat(admin().patch("/latest/user/" + id, Map.of("is_active", false)).status()).isEqualTo(200);
        assertThat(acceptErrorOf(token)).isEqualTo("User is inactive");
        assertThat(admin().patch("/latest/user/" + id, Map.of("is_active", true, "email", "moved-" + name + "@example.org")).status())
                .isEqualTo(200);
        assertThat(acceptErrorOf(token)).isEqualTo("Invalid invite token");
        assertThat(admin().patch("/latest/user/" + id, Map.of("email", name + "@example.org")).status()).isEqualTo(200);
        ApiResponse accepted = api().post("/latest/user/accept-invite", Map.of("token", token, "password", "dave-secret-1"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.map()).containsEntry("is_verified", true).containsEntry("username", name);
        assertThat(acceptErrorOf(token)).isEqualTo("Invite already accepted");
        assertThat(admin().post("/latest/user/invite", inviteBody(name, "resend_if_exists", true)).detail())
                .isEqualTo("User already verified");
        assertThat(admin().delete("/latest/user/" + id).status()).isEqualTo(204);
        assertThat(acceptErrorOf(token)).isEqualTo("User not found");
    }

    private static String tokenIn(String inviteUrl) {
        return java.net.URLDecoder.decode(inviteUrl.substring(inviteUrl.indexOf("token=") + "token=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
