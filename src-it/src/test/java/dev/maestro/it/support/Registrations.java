package dev.maestro.it.support;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Users made through the API under test ({@code POST /user/register}), for the flows that start
 * from a registration: unlike {@link TestUsers} they are unverified until verified.
 */
public final class Registrations {
    private Registrations() {
    }

    /** A registered user as the tests know it. */
    public record Account(String id, String username, String email, String password) {
    }

    /** The body of a registration with a unique name, its address {@code name@example.org}. */
    public static Map<String, Object> registration(String prefix) {
        String username = TestUsers.unique(prefix);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@example.org");
        body.put("password", "pw-" + username);
        return body;
    }

    /** Registers a new (active, unverified) user as the admin; fails the test unless 201. */
    public static Account register(ApiClient admin, String prefix) {
        Map<String, Object> body = registration(prefix);
        ApiResponse r = admin.post("/latest/user/register", body);
        if (r.status() != 201) {
            throw new AssertionError("registration failed: " + r);
        }
        return new Account((String) r.map().get("id"), (String) body.get("username"), (String) body.get("email"),
                (String) body.get("password"));
    }

    /** Registers a user and verifies them the admin's way, so they can log in. */
    public static Account registerVerified(ApiClient admin, String prefix) {
        Account a = register(admin, prefix);
        ApiResponse r = admin.patch("/latest/user/" + a.id(), Map.of("is_verified", true));
        if (r.status() != 200) {
            throw new AssertionError("verification failed: " + r);
        }
        return a;
    }

    /** A query string value, URL-encoded. */
    public static String q(String value) {
        return ApiClient.enc(value);
    }
}
