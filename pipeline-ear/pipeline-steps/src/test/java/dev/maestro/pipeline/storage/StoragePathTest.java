package dev.maestro.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoragePathTest {

    @Test
    void emptyAndDotSegmentsCollapse() {
        assertThat(StoragePath.of("./kbuild-1//program").toString()).isEqualTo("kbuild-1/program");
        assertThat(StoragePath.of("").isRoot()).isTrue();
        assertThat(StoragePath.of("/").isRoot()).isTrue();
        assertThat(StoragePath.of("a/b").resolve("c.log")).isEqualTo(StoragePath.of("a/b/c.log"));
        assertThat(StoragePath.of("a/b/c.log").fileName()).isEqualTo("c.log");
    }

    @Test
    void nothingCanClimbOutOfTheRoot() {
        assertThatThrownBy(() -> StoragePath.of("../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaves the storage root");
        assertThatThrownBy(() -> StoragePath.of("a/../../b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoragePath.of("a\\..\\b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoragePath.of("a/b\u0000c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoragePath.of("a").resolve("x/y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoragePath.of("a").resolve("..")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void urlPathsArePercentEncodedPerSegment() {
        assertThat(StoragePath.of("linux-toy-main-v6.1/build log+1.txt").toUrlPath())
                .isEqualTo("linux-toy-main-v6.1/build%20log+1.txt");
        assertThat(StoragePath.of("é/?#").toUrlPath()).isEqualTo("%C3%A9/%3F%23");
    }
}
