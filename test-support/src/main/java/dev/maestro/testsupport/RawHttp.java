package dev.maestro.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP as bytes on a socket, for the requests an HTTP client would refuse to send or would
 * normalise (a smuggled body, a raw {@code ..}, a byte HTTP does not allow in a header).
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * Sends {@code request} as it is on one connection and returns everything the server answers
     * (as ISO-8859-1, one char per byte) until it closes the connection or stays silent for two seconds.
     */
    public static String exchange(String host, int port, byte[] request) {
        try (Socket socket = new Socket(host, port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.setSoTimeout(2000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketTimeoutException silent) {
                // The connection stayed open: what came so far is the answer.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
