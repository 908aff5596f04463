package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.it.support.TestUsers;
import org.junit.jupiter.api.Test;

/** {@code /kv/{ns}/{key}}: set, read, delete; values are JSON strings. */
public interface KeyValueContract extends ApiContract {

    @Test
    default void valuesRoundTripAndEmptyValuesDelete() {
        ApiClient user = api().as(TestUsers.create(api(), "kv").token());
        String path = "/latest/kv/" + TestUsers.unique("ns") + "/last-commit";
        assertThat(user.get(path).body()).isEqualTo("null");
        assertThat(user.post(path, "\"abc123\"").body()).isEqualTo("\"OK\"");
        assertThat(user.get(path).body()).isEqualTo("\"abc123\"");
        assertThat(user.post(path, "\"\"").body()).isEqualTo("\"OK\"");
        assertThat(user.get(path).body()).isEqualTo("null");
        user.post(path, "\"again\"");
        assertThat(user.delete(path).body()).isEqualTo("\"Key-value pair deleted successfully\"");
        assertThat(user.get(path).body()).isEqualTo("null");
        assertThat(user.delete(path).status()).isEqualTo(200);
    }

    @Test
    default void onlyStringsAreStoredAndOnlyForUsers() {
        ApiClient user = api().as(TestUsers.create(api(), "kv").token());
        String path = "/latest/kv/" + TestUsers.unique("ns") + "/k";
        assertThat(user.post(path, "{\"a\": 1}").status()).isEqualTo(422);
        assertThat(user.post(path, "12").status()).isEqualTo(422);
        assertThat(api().get(path).status()).isEqualTo(401);
        assertThat(api().post(path, "\"x\"").status()).isEqualTo(401);
    }
}
