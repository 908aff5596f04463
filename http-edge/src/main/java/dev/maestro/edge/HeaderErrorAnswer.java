package dev.maestro.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Turns the codec's empty error answer to a request it cannot parse (a byte HTTP does not allow
 * in a header, a broken chunked body) into a JSON one. The codec writes that answer itself,
 * with no hook for its body, so its probe remembers why the request was refused and this
 * filter, between the codec and the socket, replaces the codec's bytes with the JSON answer of
 * the same status.
 */
final class HeaderErrorAnswer extends BaseFilter {
    private final Attribute<String> refusal =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HeaderErrorAnswer.class.getName() + "." + System.identityHashCode(this));

    /** The probe to add to the codec: it tells the connection's refusal just before the codec answers it. */
    HttpProbe probe() {
        return new HttpProbe.Adapter() {
            @Override
            public void onErrorEvent(Connection connection, HttpPacket packet, Throwable error) {
                // Only an answer still to be written is the codec's; a committed one is the application's.
                if (packet instanceof HttpRequestPacket request && !request.getResponse().isCommitted()) {
                    refusal.set(connection, describe(error));
                }
            }
        };
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) throws IOException {
        String detail = refusal.remove(ctx.getConnection());
        if (detail != null && ctx.getMessage() instanceof Buffer bare) {
            int status = status(bare);
            bare.tryDispose();
            ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(),
                    JsonError.response(status, HttpStatus.getHttpStatus(status).getReasonPhrase(), detail)));
        }
        return ctx.getInvokeAction();
    }

    /** The status of the codec's answer ({@code HTTP/1.1 400 …}); 400 if it is not one. */
    private static int status(Buffer answer) {
        if (answer.remaining() < 12) {
            return 400;
        }
        byte[] line = new byte[12];
        for (int i = 0; i < line.length; i++) {
            line[i] = answer.get(answer.position() + i);
        }
        String start = new String(line, StandardCharsets.ISO_8859_1);
        if (!start.startsWith("HTTP/1.") || !start.substring(9, 12).chars().allMatch(Character::isDigit)) {
            return 400;
        }
        return Integer.parseInt(start.substring(9, 12));
    }

    /** Grizzly prints a byte sign-extended (0xfffffffc for 0xfc): the detail names the byte itself. */
    static String describe(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return "The request could not be parsed: " + message.replaceAll("0xffffff([0-9a-f]{2})\\b", "0x$1");
    }
}
