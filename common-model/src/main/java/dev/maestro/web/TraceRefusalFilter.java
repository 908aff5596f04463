package dev.maestro.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers every {@code TRACE} with 405 and closes the connection. Grizzly never reads a TRACE's
 * body (the method may not have one), so the bytes of a body would be parsed as the next request
 * on a kept-alive connection: request smuggling. The server's own refusal of TRACE keeps the
 * connection open, which is why the launcher's listener settings
 * ({@code server-config/src/main/payara/http-listener.asadmin}) let TRACE through to this filter.
 * It answers before any servlet runs, so no servlet's echoing {@code doTrace} ever does.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TraceRefusalFilter extends HttpFilter {
    private static final String ALLOWED = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!"TRACE".equals(req.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        res.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        res.setHeader("Connection", "close");
        res.setHeader("Allow", ALLOWED);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"detail\":\"Method Not Allowed\"}");
    }
}
