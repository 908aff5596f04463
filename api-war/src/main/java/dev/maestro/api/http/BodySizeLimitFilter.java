package dev.maestro.api.http;

import dev.maestro.error.PayloadTooLargeException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over {@code MAESTRO_MAX_BODY_BYTES} with 413: by the declared length up front,
 * and while reading for chunked bodies that declare none.
 */
@Provider
@PreMatching
public class BodySizeLimitFilter implements ContainerRequestFilter {
    /** The setting, and its default, that routes served ahead of JAX-RS read too. */
    public static final String MAX_BYTES = "MAESTRO_MAX_BODY_BYTES";
    public static final String DEFAULT_MAX_BYTES = "16777216";

    @Inject
    @ConfigProperty(name = MAX_BYTES, defaultValue = DEFAULT_MAX_BYTES)
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (ctx.getLength() > maxBytes) {
            throw tooLarge();
        }
        if (ctx.hasEntity()) {
            ctx.setEntityStream(new LimitedStream(ctx.getEntityStream()));
        }
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("Request body is larger than " + maxBytes + " bytes");
    }

    private final class LimitedStream extends FilterInputStream {
        private long read;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
