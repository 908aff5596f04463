package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.NodeBodies;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import dev.maestro.json.Json;
import dev.maestro.security.KeyFiles;
import dev.maestro.security.TokenIssuer;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tokens the server must refuse: each is a 401 with a detail on a read and on writes by a user
 * and by an admin, and nothing is written.
 */
public interface TokenSecurityContract extends ApiContract {
    HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"forged signature", "alg none", "expired", "wrong issuer", "wrong key",
            "deleted user", "deactivated user", "admin claim on a user's signature"})
    default void aRefusedTokenIs401AndChangesNothing(String kind) {
        TestUser victim = TestUsers.create(api(), "victim");
        ApiClient as = api().as(token(kind));
        String group = TestUsers.unique("forged");
        String newGroupName = TestUsers.unique("forged-group");
        Map<String, Object> victimBefore = admin().get("/latest/user/" + victim.id()).map();

        assertThat(as.get("/latest/whoami").status()).as("whoami").isEqualTo(401);
        for (ApiResponse r : List.of(as.post("/latest/node", NodeBodies.checkout("forged", group)),
                as.patch("/latest/user/" + victim.id(), Map.of("is_superuser", true)),
                as.post("/latest/user-groups", Map.of("name", newGroupName)),
                as.patch("/latest/user/me", Map.of("username", TestUsers.unique("renamed"))),
                as.post("/latest/kv/forged/" + group, "value"))) {
            assertThat(r.status()).as("%s: %s", kind, r).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(r.detail()).isNotNull();
        }
        assertThat(api().get("/latest/count?group=" + group).json()).as("no node").isEqualTo(0);
        assertThat(admin().get("/latest/user-groups?name=" + newGroupName).list("items")).as("no group").isEmpty();
        assertThat(admin().get("/latest/kv/forged/" + group).json()).as("no value").isNull();
        assertThat(admin().get("/latest/user/" + victim.id()).map()).as("victim unchanged").isEqualTo(victimBefore);
    }

    /**
     * KernelCI's kci-dev sends its token bare ({@code Authorization: <token>}, no {@code Bearer})
     * to the API as well: a public read answers as without the header, whatever the value; a
     * write takes only a {@code Bearer} token (the API reads no other form), so the bare
     * one is the 401 of a request without a token.
     */
    @Test
    default void aBareTokenNeverRefusesAPublicRead() throws Exception {
        String group = TestUsers.unique("bare");
        String id = (String) admin().post("/latest/node", NodeBodies.checkout("bare-token", group)).map().get("id");
        for (String header : List.of(adminToken(), "garbage", "a.b.c")) {
            for (String path : List.of("/latest/nodes?group=" + group, "/latest/nodes/fast?group=" + group,
                    "/latest/node/" + id, "/latest/count?group=" + group)) {
                HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(api().base() + path))
                        .header("Authorization", header).header("Content-Type", "application/json; charset=utf-8").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(read.statusCode()).as("%s with Authorization: %s", path, header).isEqualTo(200);
            }
        }
        HttpResponse<String> write = HTTP.send(HttpRequest.newBuilder(URI.create(api().base() + "/latest/node"))
                .header("Authorization", adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(NodeBodies.checkout("bare-write", group)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(Json.readMap(write.body())).containsKey("detail");
        assertThat(api().get("/latest/count?group=" + group).json()).isEqualTo(1);
    }

    /** A token of the given kind; the user ones are real tokens whose user was then deleted or deactivated. */
    private String token(String kind) {
        PrivateKey key = KeyFiles.readPrivateKey(Path.of(System.getProperty("it.data.dir"), "keys", KeyFiles.PRIVATE_KEY));
        TestUser user = TestUsers.create(api(), "holder");
        String adminId = (String) admin().get("/latest/whoami").map().get("id");
        String valid = new TokenIssuer(key, "maestro", Duration.ofHours(1)).accessToken(adminId, "admin", List.of("user", "admin"));
        String[] parts = valid.split("\\.");
        return switch (kind) {
            case "forged signature" -> parts[0] + "." + parts[1] + "." + flipLastSignatureByte(parts[2]);
            case "alg none" -> b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
            case "expired" -> new TokenIssuer(key, "maestro", Duration.ofMinutes(-5)).accessToken(adminId, "admin", List.of("user", "admin"));
            case "wrong issuer" -> new TokenIssuer(key, "evil", Duration.ofHours(1)).accessToken(adminId, "admin", List.of("user", "admin"));
            case "wrong key" -> new TokenIssuer(freshKey(), "maestro", Duration.ofHours(1)).accessToken(adminId, "admin", List.of("user", "admin"));
            case "deleted user" -> {
                assertThat(admin().delete("/latest/user/" + user.id()).status()).isEqualTo(204);
                yield user.token();
            }
            case "deactivated user" -> {
                assertThat(admin().patch("/latest/user/" + user.id(), Map.of("is_active", false)).status()).isEqualTo(200);
                yield user.token();
            }
            default -> {
                // The user's own signature over a payload that claims the admin's identity and role.
                String[] own = user.token().split("\\.");
                yield own[0] + "." + parts[1] + "." + own[2];
            }
        };
    }

    private static String flipLastSignatureByte(String signature) {
        byte[] bytes = Base64.getUrlDecoder().decode(signature);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
