package dev.maestro.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventModeTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE", "1", "yes", "YES", "on", "On", "t", "y"})
    void truthyNoeventSuppresses(String value) {
        assertThat(EventMode.fromNoevent(value)).isEqualTo(EventMode.SUPPRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "0", "no", "off", "OFF", "f", "n"})
    void falsyNoeventPublishes(String value) {
        assertThat(EventMode.fromNoevent(value)).isEqualTo(EventMode.PUBLISH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "", "2", "truee"})
    void anythingElseIs422OnTheQueryParameter(String value) {
        assertThatThrownBy(() -> EventMode.fromNoevent(value)).isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ValidationException v = (ValidationException) e;
                    assertThat(v.status()).isEqualTo(422);
                    assertThat(v.detail().toString()).contains("noevent");
                });
    }

    @org.junit.jupiter.api.Test
    void absentPublishes() {
        assertThat(EventMode.fromNoevent(null)).isEqualTo(EventMode.PUBLISH);
    }
}
