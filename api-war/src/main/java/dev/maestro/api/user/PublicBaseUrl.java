package dev.maestro.api.user;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The address invited people reach this server at, as KernelCI resolves it: {@code PUBLIC_BASE_URL}
 * when set; else, for a request that came through a proxy on a private or loopback address, what
 * the proxy says ({@code X-Forwarded-Host}, {@code X-Forwarded-Proto}); else the request's own base.
 */
final class PublicBaseUrl {
    private PublicBaseUrl() {
    }

    static String of(Optional<String> configured, String peerAddress, HttpHeaders headers, UriInfo uri) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return stripSlash(configured.get().trim());
        }
        String host = headers.getHeaderString("X-Forwarded-Host");
        if (host != null && !host.isBlank() && trustedProxy(peerAddress)) {
            String proto = Optional.ofNullable(headers.getHeaderString("X-Forwarded-Proto")).filter(p -> !p.isBlank())
                    .orElse(uri.getBaseUri().getScheme());
            return proto.split(",")[0].trim() + "://" + host.split(",")[0].trim();
        }
        return stripSlash(uri.getBaseUri().toString());
    }

    private static boolean trustedProxy(String peer) {
        try {
            InetAddress address = InetAddress.getByName(peer);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
