package dev.maestro.pipeline.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemStorageTest {
    @TempDir
    Path tmp;

    private FileSystemStorage storage() {
        return new FileSystemStorage(tmp.resolve("storage"), URI.create("http://127.0.0.1:8001/pipeline/storage/"));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(StoredFile file) throws IOException {
        try (InputStream in = file.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void storesReadsAndListsFilesUnderTheirPublicUrl() throws IOException {
        FileSystemStorage storage = storage();
        URI url = storage.put(StoragePath.of("kbuild-tiny-1/build.log"), text("compiled\n"));
        assertThat(url).isEqualTo(URI.create("http://127.0.0.1:8001/pipeline/storage/kbuild-tiny-1/build.log"));
        assertThat(tmp.resolve("storage/kbuild-tiny-1/build.log")).hasContent("compiled");
        StoredFile file = storage.find(StoragePath.of("kbuild-tiny-1/build.log")).orElseThrow();
        assertThat(read(file)).isEqualTo("compiled\n");
        assertThat(file.size()).isEqualTo(9);
        assertThat(file.path()).isEqualTo(StoragePath.of("kbuild-tiny-1/build.log"));
        assertThat(file.lastModified()).isEqualTo(Files.getLastModifiedTime(tmp.resolve("storage/kbuild-tiny-1/build.log")).toInstant());
        assertThat(file.contentType()).isEqualTo("text/plain; charset=utf-8");
        storage.put(StoragePath.of("linux.tar.gz"), text("gz"));
        assertThat(storage.find(StoragePath.of("linux.tar.gz")).orElseThrow().contentType()).isEqualTo("application/gzip");
        assertThat(storage.list(StoragePath.of(""))).containsExactly("kbuild-tiny-1/", "linux.tar.gz");
        assertThat(storage.list(StoragePath.of("kbuild-tiny-1"))).containsExactly("build.log");
        assertThat(storage.list(StoragePath.of("nothing-here"))).isEmpty();
        assertThat(storage.find(StoragePath.of("kbuild-tiny-1"))).as("a directory is not a file").isEmpty();
        assertThat(storage.find(StoragePath.of("missing"))).isEmpty();
    }

    @Test
    void aNewVersionReplacesTheOldOneWholeAndLeavesNoPartialFiles() throws IOException {
        FileSystemStorage storage = storage();
        storage.put(StoragePath.of("a/log"), text("old"));
        storage.put(StoragePath.of("a/log"), Files.writeString(tmp.resolve("new.txt"), "new"));
        assertThat(read(storage.find(StoragePath.of("a/log")).orElseThrow())).isEqualTo("new");
        assertThat(storage.list(StoragePath.of("a"))).containsExactly("log");
        try (var files = Files.list(tmp.resolve("storage/a"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void symbolicLinksCannotLeadOutOfTheRoot() throws IOException {
        FileSystemStorage storage = storage();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createSymbolicLink(storage.root().resolve("escape"), outside);
        assertThat(storage.find(StoragePath.of("escape/secret"))).isEmpty();
        assertThat(storage.list(StoragePath.of("escape"))).isEmpty();
        assertThat(storage.list(StoragePath.of(""))).doesNotContain("escape/");
        assertThatThrownBy(() -> storage.put(StoragePath.of("escape/planted"), text("x")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the storage root");
        assertThat(outside.resolve("planted")).doesNotExist();
        assertThatThrownBy(() -> storage.put(StoragePath.of("escape/deeper/planted"), text("x")))
                .isInstanceOf(IOException.class);
        assertThat(outside.resolve("deeper")).doesNotExist();
    }

    @Test
    void theRootAndDirectoriesCannotBeOverwrittenNorFilesUsedAsDirectories() throws IOException {
        FileSystemStorage storage = storage();
        storage.put(StoragePath.of("dir/file"), text("x"));
        assertThatThrownBy(() -> storage.put(StoragePath.of(""), text("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put(StoragePath.of("dir/.maestro-upload-1.part"), text("x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.put(StoragePath.of("dir"), text("x"))).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage("dir: a directory in storage has this name");
        assertThatThrownBy(() -> storage.put(StoragePath.of("dir/file/below"), text("x"))).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessage("dir/file/below: a file in storage has the name of one of its directories");
    }
}
