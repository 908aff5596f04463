package dev.maestro.api.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media-type policy of request bodies. Every endpoint that takes a body takes JSON, except
 * the form endpoints ({@code @Consumes} a form), which take only a form (a 415 otherwise, also
 * when the type is missing): a JSON body sent as anything but
 * {@code application/json} or an {@code application/*+json} type is a 415 naming the type
 * (no {@code Content-Type} at all is read as JSON, as KernelCI reads it), and a JSON body must be
 * valid UTF-8 (RFC 8259): a 400 names the offset of the first bad byte, instead of the
 * replacement characters a lenient decoder would store.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyPolicy implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext ctx) throws IOException {
        MediaType type = ctx.getMediaType();
        if (takesForm(resource.getResourceMethod())) {
            // Also without a body: a request with no Content-Type reached Jersey's form reading
            // and answered 500.
            if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
                ctx.abortWith(JsonResponses.status(415, Map.of("detail", "Unsupported media type " + type
                        + ": this endpoint takes " + MediaType.APPLICATION_FORM_URLENCODED)));
            }
            return;
        }
        if (!ctx.hasEntity()) {
            return;
        }
        if (type != null && !isUtf8Json(type)) {
            ctx.abortWith(JsonResponses.status(415, Map.of("detail", "Unsupported media type " + type
                    + ": this endpoint takes application/json (UTF-8)")));
            return;
        }
        byte[] body = ctx.getEntityStream().readAllBytes();
        Optional<String> malformed = malformedUtf8(body);
        if (malformed.isPresent()) {
            ctx.abortWith(JsonResponses.status(400, Map.of("detail", malformed.get())));
            return;
        }
        ctx.setEntityStream(new ByteArrayInputStream(body));
        ctx.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON + ";charset=UTF-8");
    }

    private static boolean takesForm(Method method) {
        Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
        return consumes != null && Arrays.asList(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** Whether a body of this type is read as JSON: {@code application/json} or {@code application/*+json}, in UTF-8. */
    public static boolean isUtf8Json(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))
                && (charset == null || "utf-8".equalsIgnoreCase(charset));
    }

    /** The 400's detail for a body that is not valid UTF-8, naming the first bad byte; empty for a valid body. */
    public static Optional<String> malformedUtf8(byte[] body) {
        int bad = firstMalformedByte(body);
        return bad < 0 ? Optional.empty()
                : Optional.of(String.format("Request body is not valid UTF-8: byte 0x%02X at offset %d", body[bad] & 0xFF, bad));
    }

    /** The offset of the first byte that is not part of valid UTF-8, or -1. */
    static int firstMalformedByte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        CoderResult result;
        while ((result = decoder.decode(in, out, true)).isOverflow()) {
            out.clear();
        }
        // With the end of input declared, a sequence cut short at the end is an error too.
        return result.isError() ? in.position() : -1;
    }
}
