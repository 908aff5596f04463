package dev.maestro.pipeline.patch;

import dev.maestro.pipeline.storage.ArtifactStorage;
import dev.maestro.pipeline.storage.StoragePath;
import dev.maestro.pipeline.storage.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fetches the patches of a series: from this pipeline's storage directly when the URL is one of
 * its own (inline patches sent to {@code /api/patchset} are stored there), otherwise over HTTP(S)
 * from the allowed hosts only (KernelCI's {@code allowed_domains}): a patch URL is given by
 * whoever submits the series, and the server must not fetch whatever it names. Redirects are
 * followed only to allowed hosts, and no more than {@link PatchValidator#MAX_BYTES} are read.
 */
public final class PatchDownloader {
    private static final int MAX_REDIRECTS = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Set<String> allowedHosts;
    private final ArtifactStorage storage;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    /** @param allowedHosts host names patches may come from, besides the storage's own URLs */
    public PatchDownloader(Set<String> allowedHosts, ArtifactStorage storage) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.storage = storage;
    }

    /** Whether {@code url} may be fetched: one of the storage's own URLs, or http(s) on an allowed host. */
    public boolean allows(URI url) {
        return storagePath(url).isPresent() || allowedRemote(url);
    }

    /**
     * @param name the patch's name in the series, for messages
     * @throws PatchsetFailure {@link PatchsetFailure#DOWNLOAD} naming the patch and the reason
     */
    public byte[] fetch(String name, URI url) throws PatchsetFailure {
        try {
            Optional<StoragePath> stored = storagePath(url);
            if (stored.isPresent()) {
                StoredFile file = storage.find(stored.get()).orElseThrow(() -> new PatchsetFailure(PatchsetFailure.DOWNLOAD,
                        name + " (" + url + ") is not in storage"));
                try (InputStream in = file.open()) {
                    return limited(name, url, in);
                }
            }
            return fetchRemote(name, url);
        } catch (IOException e) {
            throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, name + " (" + url + ") cannot be downloaded: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, name + " (" + url + "): interrupted while downloading", e);
        }
    }

    private byte[] fetchRemote(String name, URI url) throws IOException, InterruptedException, PatchsetFailure {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!allowedRemote(current)) {
                throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, name + " (" + url + ")" + (hop == 0 ? "" : " redirects to " + current
                        + ", which") + " is not on an allowed host " + allowedHosts.stream().sorted().toList()
                        + " (MAESTRO_PATCH_ALLOWED_HOSTS)");
            }
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(current).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                    current = current.resolve(response.headers().firstValue("Location").get());
                    continue;
                }
                if (status != 200) {
                    throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, name + " (" + url + ") answered HTTP " + status);
                }
                return limited(name, url, body);
            }
        }
        throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, name + " (" + url + ") redirects more than " + MAX_REDIRECTS + " times");
    }

    private static byte[] limited(String name, URI url, InputStream in) throws IOException, PatchsetFailure {
        byte[] content = in.readNBytes(PatchValidator.MAX_BYTES + 1);
        if (content.length > PatchValidator.MAX_BYTES) {
            throw new PatchsetFailure(PatchsetFailure.DOWNLOAD, name + " (" + url + ") is larger than "
                    + PatchValidator.MAX_BYTES + " bytes");
        }
        return content;
    }

    private boolean allowedRemote(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null
                && allowedHosts.contains(url.getHost().toLowerCase(Locale.ROOT));
    }

    /** The storage path of one of the storage's own URLs. */
    private Optional<StoragePath> storagePath(URI url) {
        String root = storage.publicUrl(StoragePath.of("")).toString();
        String text = url.toString();
        if (!text.startsWith(root) || text.length() == root.length() || url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoragePath.of(URLDecoder.decode(text.substring(root.length()).replace("+", "%2B"), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException notAStoragePath) {
            return Optional.empty();
        }
    }
}
