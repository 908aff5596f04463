package dev.maestro.pipeline.web.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.maestro.pipeline.storage.StoragePath;
import org.junit.jupiter.api.Test;

class RequestedPathTest {

    private static RequestedPath parse(String rawUri) {
        return RequestedPath.parse(rawUri, "/pipeline", "/storage");
    }

    @Test
    void aFileIsThePathAfterTheServletsPrefix() {
        assertThat(parse("/pipeline/storage/kbuild-tiny-1/build.log"))
                .isEqualTo(new RequestedPath(StoragePath.of("kbuild-tiny-1/build.log"), false));
    }

    @Test
    void aTrailingSlashAsksForADirectoryAndThePrefixAloneIsTheRoot() {
        assertThat(parse("/pipeline/storage/kbuild-tiny-1/"))
                .isEqualTo(new RequestedPath(StoragePath.of("kbuild-tiny-1"), true));
        assertThat(parse("/pipeline/storage/")).isEqualTo(new RequestedPath(StoragePath.of(""), true));
        assertThat(parse("/pipeline/storage")).isEqualTo(new RequestedPath(StoragePath.of(""), false));
    }

    @Test
    void segmentsArePercentDecodedAndAPlusStaysAPlus() {
        assertThat(parse("/pipeline/storage/a%20b/c+d%C3%A9").path().toString()).isEqualTo("a b/c+dé");
    }

    @Test
    void extraSlashesAndDotSegmentsCollapseAsTheContainerMapsThem() {
        assertThat(parse("//pipeline/./storage//dir/./file").path()).isEqualTo(StoragePath.of("dir/file"));
    }

    @Test
    void aSemicolonIsPartOfTheName() {
        assertThat(parse("/pipeline/storage/a;b").path().toString()).isEqualTo("a;b");
    }

    @Test
    void traversalPlainOrEncodedIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/../etc/passwd"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/%2e%2e/etc/passwd"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/dir/%2E%2E/%2E%2E/x"));
    }

    @Test
    void anEncodedSlashOrBackslashIsRefusedNotTakenAsASeparator() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/..%2Fsecret"))
                .withMessageContaining("slash");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/dir%2ffile"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/..%5Csecret"));
    }

    @Test
    void badEscapesAndControlCharactersAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/%zz"));
        assertThatIllegalArgumentException().isThrownBy(() -> parse("/pipeline/storage/a%00b"));
    }

    @Test
    void onlyTheFileNamedUploadAtTheRootIsTheUploadEndpoint() {
        StoragePath upload = StoragePath.of("upload");
        assertThat(parse("/pipeline/storage/upload").isFile(upload)).isTrue();
        assertThat(parse("/pipeline/storage/upload/").isFile(upload)).isFalse();
        assertThat(parse("/pipeline/storage/dir/upload").isFile(upload)).isFalse();
    }

    @Test
    void anEmptyContextPathWorksToo() {
        assertThat(RequestedPath.parse("/storage/a", "", "/storage").path()).isEqualTo(StoragePath.of("a"));
    }
}
