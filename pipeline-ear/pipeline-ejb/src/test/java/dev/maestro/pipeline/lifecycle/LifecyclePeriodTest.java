package dev.maestro.pipeline.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LifecyclePeriodTest {

    @Test
    void acceptsSecondsAndUnits() {
        assertThat(LifecyclePeriod.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(LifecyclePeriod.parse("0.5")).isEqualTo(Duration.ofMillis(500));
        assertThat(LifecyclePeriod.parse(" 10s ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(LifecyclePeriod.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(LifecyclePeriod.parse("1m")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void rejectsNonsenseAndPeriodsTooShortToBeMeant() {
        assertThatThrownBy(() -> LifecyclePeriod.parse("often")).hasMessageContaining("MAESTRO_LIFECYCLE_PERIOD");
        assertThatThrownBy(() -> LifecyclePeriod.parse("5ms")).hasMessageContaining("at least 100 ms");
        assertThatThrownBy(() -> LifecyclePeriod.parse("0")).isInstanceOf(IllegalArgumentException.class);
    }
}
