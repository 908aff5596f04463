package dev.maestro.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactUploadTest {
    @TempDir
    Path tmp;

    private ArtifactUpload upload(String token) {
        return new ArtifactUpload(new FileSystemStorage(tmp, URI.create("https://files.example.org/")), new UploadToken(token));
    }

    private static ArtifactUpload.Part part(String name, String content) {
        return new ArtifactUpload.Part(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void storesEachFileUnderThePathAndAnswersTheirUrls() throws Exception {
        Map<String, URI> urls = upload("s3cret").accept("Bearer s3cret", "kbuild-tiny-42",
                List.of(part("program", "ELF"), part("build.log", "ok")));
        assertThat(urls).containsExactly(
                Map.entry("program", URI.create("https://files.example.org/kbuild-tiny-42/program")),
                Map.entry("build.log", URI.create("https://files.example.org/kbuild-tiny-42/build.log")));
        assertThat(tmp.resolve("kbuild-tiny-42/program")).hasContent("ELF");
    }

    @Test
    void theTokenMayComeBareAsKernelCisClientSendsIt() throws Exception {
        assertThat(upload("s3cret").accept("s3cret", "", List.of(part("a", "a")))).containsKey("a");
    }

    @Test
    void aMissingOrWrongTokenIs401AndNoTokenConfiguredMeansNoUploads() {
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("s3cret").accept("Bearer guess", "", List.of(part("a", "a"))))
                .satisfies(e -> assertThat(e.status()).isEqualTo(401));
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("s3cret").accept(null, "", List.of(part("a", "a"))));
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("").accept("Bearer ", "", List.of(part("a", "a"))))
                .withMessageContaining("MAESTRO_STORAGE_TOKEN is not set");
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void theTokenCanBeCheckedBeforeAnyFileIsReceived() throws Exception {
        upload("s3cret").authorize("Bearer s3cret");
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("s3cret").authorize("Bearer guess"))
                .satisfies(e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void badPathsAndNamesAre400AndStoreNothing() {
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("t").accept("t", "../up", List.of(part("a", "a"))))
                .withMessageContaining("Bad path")
                .satisfies(e -> assertThat(e.status()).isEqualTo(400));
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("t").accept("t", "ok", List.of(part("good", "g"), part("../bad", "b"))))
                .withMessageContaining("Bad file name");
        assertThat(tmp.resolve("ok")).doesNotExist();
        assertThatExceptionOfType(UploadRejectedException.class)
                .isThrownBy(() -> upload("t").accept("t", "ok", List.of()))
                .withMessageContaining("No file");
    }

    @Test
    void tokenComparisonIgnoresTheSchemeCaseAndSurroundingSpaces() {
        UploadToken token = new UploadToken(" s3cret ");
        assertThat(token.permits("bearer s3cret")).isTrue();
        assertThat(token.permits("BEARER  s3cret ")).isTrue();
        assertThat(token.permits("Bearer s3cret2")).isFalse();
        assertThat(new UploadToken(null).isConfigured()).isFalse();
    }
}
