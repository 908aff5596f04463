package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.RequestGenerator;
import dev.maestro.it.support.RequestGenerator.Generated;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A schema-driven fuzz test: for every operation of the served OpenAPI document, requests
 * generated from its parameters' and body's schemas (valid and invalid), sent without a token
 * and with the admin's. No answer may be a 5xx, and every answer's status must be listed for the
 * operation (not merely covered by a {@code default}), with the documented body (the suite's
 * client checks each answer against the document). It runs last, since it leaves random nodes, users and groups behind.
 */
public interface OpenApiFuzzContract extends ApiContract {
    /** Requests per operation and identity: about 45 operations × 2 × this stays near a minute. */
    int CASES = 24;
    Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    /**
     * Operations that must not be fuzzed with the admin's token: a pop waits until its list has
     * an envelope, and the admin editing itself would change the account the suite logs in with.
     */
    Set<String> NOT_AS_ADMIN = Set.of("get /pop/{list}", "patch /user/me");

    @Test
    @Order(Integer.MAX_VALUE)
    default void generatedRequestsGetOnlyDocumentedAnswers() {
        ApiResponse served = api().get("/openapi?format=json");
        assertThat(served.status()).isEqualTo(200);
        Map<String, Object> document = served.map();
        long seed = Long.getLong("fuzz.seed", 14L);
        RequestGenerator generator = new RequestGenerator(document, seed);
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> op : map(path.getValue()).entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String operation = op.getKey() + " " + path.getKey();
                List<ApiClient> identities = NOT_AS_ADMIN.contains(operation) ? List.of(api().anonymous()) : List.of(api().anonymous(), admin());
                for (ApiClient client : identities) {
                    for (int i = 0; i < CASES; i++) {
                        Generated request = generator.request(op.getKey(), "/latest" + path.getKey(), map(op.getValue()));
                        sent++;
                        String problem = problem(client, request, map(map(op.getValue()).get("responses")).keySet());
                        if (problem != null) {
                            problems.add(operation + (client == identities.get(0) ? " (no token)" : " (admin)") + ": " + request + "\n  " + problem);
                        }
                    }
                }
            }
        }
        assertThat(sent).as("requests sent").isGreaterThan(1000);
        assertThat(problems).as("seed " + seed + ": answers that are 5xx or not in the document").isEmpty();
    }

    /** What is wrong with the answer to the request, or null. */
    private static String problem(ApiClient client, Generated request, Set<String> listed) {
        try {
            ApiResponse r = request.body() == null
                    ? switch (request.method()) {
                        case "GET" -> client.get(request.path());
                        case "DELETE" -> client.delete(request.path());
                        default -> client.send(request.method(), request.path(), null, "");
                    }
                    : client.send(request.method(), request.path(), request.contentType(), request.body());
            if (r.status() >= 500) {
                return "answered " + r;
            }
            // A "default" answer would let any status through the suite's check: each must be listed.
            return listed.contains(String.valueOf(r.status())) ? null : "answered " + r + ", a status not listed (" + listed + ")";
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
