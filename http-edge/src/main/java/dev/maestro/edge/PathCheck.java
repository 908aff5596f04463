package dev.maestro.edge;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpRequestURIDecoder;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.URLDecoder;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers with a JSON 400 the request paths Payara's web container would refuse with an empty
 * {@code 400 Invalid URI}: Grizzly's URI decoding ({@code HttpRequestURIDecoder}) refuses a
 * backslash (also as {@code %5C}), a NUL byte and a {@code ..} that climbs above {@code /},
 * with no setting to change it. The same decoding runs here on a copy of the path, so exactly
 * the paths it refuses get the JSON answer; every other request goes on untouched.
 */
final class PathCheck extends BaseFilter {
    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (ctx.getMessage() instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request
                && !request.getResponse().isCommitted()) {
            String refusal = refusal(request.getRequestURIRef().getRequestURIBC());
            if (refusal != null) {
                answer(ctx, request, refusal);
                return ctx.getStopAction();
            }
        }
        return ctx.getInvokeAction();
    }

    /** Why the decoding refuses {@code path}, or null if it takes it. */
    static String refusal(DataChunk path) {
        DataChunk decoded = DataChunk.newInstance();
        // One byte more than the path: normalising "/a/.." appends a slash.
        decoded.setBytes(new byte[path.getLength() + 1]);
        try {
            // Encoded slashes decoded: Payara's listener lets them through to the applications.
            URLDecoder.decode(path, decoded, true);
        } catch (CharConversionException | IllegalArgumentException e) {
            return "The URL path has a malformed %-escape: " + e.getMessage();
        }
        String plain = decoded.toString(StandardCharsets.ISO_8859_1);
        if (plain.indexOf('\\') >= 0) {
            return "A backslash (\\ or %5C) is not allowed in a URL path";
        }
        if (plain.indexOf('\0') >= 0) {
            return "A NUL byte (%00) is not allowed in a URL path";
        }
        if (!HttpRequestURIDecoder.normalize(decoded)) {
            return "The URL path climbs above / with ..";
        }
        try {
            HttpRequestURIDecoder.convertToChars(decoded, StandardCharsets.UTF_8);
        } catch (CharConversionException e) {
            return "The URL path is not valid UTF-8";
        }
        return null;
    }

    private static void answer(FilterChainContext ctx, HttpRequestPacket request, String detail) {
        byte[] body = JsonError.body(detail);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(HttpStatus.BAD_REQUEST_400);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getProcessingState().setKeepAlive(false);
        ctx.write(HttpContent.builder(response).content(Buffers.wrap(ctx.getMemoryManager(), body)).last(true).build());
        // A body may still be on its way: the connection closes, as after the codec's own refusals.
        request.getProcessingState().getHttpContext().close();
    }
}
