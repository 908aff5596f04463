package dev.maestro.pipeline.web.storage;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Storage URLs whose {@code ..} segments climb out of {@code /storage/}
 * ({@code /pipeline/storage/../x}, also written {@code %2E%2E}): the container resolves the dots
 * before it picks a servlet, so such a request reached another path of the module and got the
 * container's HTML 404. The raw URL still says what was asked, so it is refused as the storage
 * servlet refuses a path leaving the storage root: 400 with a JSON detail.
 */
public class StorageEscapeFilter extends HttpFilter {
    private static final String STORAGE = StorageServlet.MAPPING.substring(0, StorageServlet.MAPPING.length() - 2);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        String raw = req.getRequestURI().substring(req.getContextPath().length());
        if (!STORAGE.equals(req.getServletPath()) && raw.startsWith(STORAGE + "/")) {
            try {
                RequestedPath.parse(req.getRequestURI(), req.getContextPath(), STORAGE);
            } catch (IllegalArgumentException e) {
                JsonReply.detail(resp, 400, "Bad path: " + e.getMessage());
                return;
            }
        }
        chain.doFilter(req, resp);
    }
}
