package dev.maestro.pipeline.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.maestro.pipeline.storage.FileSystemStorage;
import dev.maestro.pipeline.storage.StoragePath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patches come from allowed hosts (over real HTTP) or from the pipeline's own storage; nothing else is fetched. */
class PatchDownloaderTest {
    private static final String PATCH = "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+b\n";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private FileSystemStorage storage;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            if (exchange.getRequestURI().getPath().equals("/elsewhere")) {
                exchange.getResponseHeaders().add("Location", "http://evil.invalid/p.patch");
                exchange.sendResponseHeaders(302, -1);
            } else if (exchange.getRequestURI().getPath().equals("/big")) {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[1024 * 1024];
                for (int i = 0; i <= PatchValidator.MAX_BYTES / chunk.length; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } else {
                byte[] body = PATCH.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/p.patch") ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        storage = new FileSystemStorage(tmp.resolve("storage"), URI.create("https://files.example.org/"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void anAllowedHostIsFetched() throws Exception {
        PatchDownloader downloader = new PatchDownloader(Set.of("127.0.0.1"), storage);
        assertThat(downloader.allows(local("/p.patch"))).isTrue();
        assertThat(new String(downloader.fetch("patch0", local("/p.patch")), StandardCharsets.UTF_8)).isEqualTo(PATCH);
    }

    @Test
    void aHostNotAllowedIsNeverAsked() {
        PatchDownloader downloader = new PatchDownloader(Set.of("patchwork.kernel.org"), storage);
        assertThat(downloader.allows(local("/p.patch"))).isFalse();
        assertThatThrownBy(() -> downloader.fetch("patch2", local("/p.patch")))
                .isInstanceOfSatisfying(PatchsetFailure.class, f -> assertThat(f.errorCode()).isEqualTo(PatchsetFailure.DOWNLOAD))
                .hasMessageStartingWith("patch2 (" + local("/p.patch") + ") is not on an allowed host");
        assertThat(requested).isEmpty();
    }

    @Test
    void aRedirectToAHostNotAllowedIsNotFollowed() {
        PatchDownloader downloader = new PatchDownloader(Set.of("127.0.0.1"), storage);
        assertThatThrownBy(() -> downloader.fetch("patch0", local("/elsewhere")))
                .isInstanceOf(PatchsetFailure.class).hasMessageContaining("redirects to http://evil.invalid/p.patch, which is not on an allowed host");
    }

    @Test
    void anHttpErrorAndAnOversizedPatchAreRefused() {
        PatchDownloader downloader = new PatchDownloader(Set.of("127.0.0.1"), storage);
        assertThatThrownBy(() -> downloader.fetch("patch0", local("/missing"))).hasMessageContaining("answered HTTP 404");
        assertThatThrownBy(() -> downloader.fetch("patch1", local("/big"))).hasMessageContaining("is larger than");
    }

    @Test
    void theStoragesOwnUrlsAreReadFromStorageAndOtherSchemesAreRefused() throws Exception {
        URI stored = storage.put(StoragePath.of("patchset/alice/0.patch"), new ByteArrayInputStream(PATCH.getBytes(StandardCharsets.UTF_8)));
        PatchDownloader downloader = new PatchDownloader(Set.of(), storage);
        assertThat(downloader.allows(stored)).isTrue();
        assertThat(downloader.fetch("patch0", stored)).isEqualTo(PATCH.getBytes(StandardCharsets.UTF_8));
        assertThat(downloader.allows(URI.create("file:///etc/passwd"))).isFalse();
        assertThat(downloader.allows(URI.create("https://files.example.org/../etc/passwd"))).isFalse();
    }
}
