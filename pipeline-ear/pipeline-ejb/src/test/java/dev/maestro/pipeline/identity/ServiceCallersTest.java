package dev.maestro.pipeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token in an Authorization header: with Bearer (any case), or bare as kci-dev sends it. */
class ServiceCallersTest {

    @Test
    void theTokenIsTakenWithOrWithoutBearer() {
        assertThat(ServiceCallers.token("Bearer abc.def.ghi")).contains("abc.def.ghi");
        assertThat(ServiceCallers.token("bearer  abc.def.ghi ")).contains("abc.def.ghi");
        assertThat(ServiceCallers.token("abc.def.ghi")).contains("abc.def.ghi");
    }

    @Test
    void noTokenIsNoToken() {
        assertThat(ServiceCallers.token(null)).isEmpty();
        assertThat(ServiceCallers.token("  ")).isEmpty();
        assertThat(ServiceCallers.token("Bearer ")).isEmpty();
    }
}
