package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void anythingKernelCiClientsSetTodayIsAccepted() {
        for (String ok : new String[] {"foo", "x", " padded ", "ünïcødé", "a".repeat(PasswordRules.MAX_LENGTH)}) {
            assertThatCode(() -> PasswordRules.check(ok, "CODE")).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void emptyBlankAndOversizedPasswordsAreRefusedWithTheFlowsCode() {
        for (String bad : new String[] {"", " ", "\t\n", "a".repeat(PasswordRules.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> PasswordRules.check(bad, "UPDATE_USER_INVALID_PASSWORD"))
                    .isInstanceOfSatisfying(InvalidPasswordException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.detail()).asString().contains("UPDATE_USER_INVALID_PASSWORD");
                    });
        }
    }
}
