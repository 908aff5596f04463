package dev.maestro.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.RawHttp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerFilterConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Grizzly listener with the chain Payara builds for HTTP (transport, codec, then the web
 * filter with a handler) and {@link JsonErrorIOStrategy} as its I/O strategy, as the listener
 * settings name it, asked over a socket with the bytes HTTP clients would not send.
 */
class JsonErrorIOStrategyTest {
    private static TCPNIOTransport transport;
    private static ExecutorService threads;
    private static DelayedExecutor timers;
    private static int port;

    @BeforeAll
    static void listen() throws IOException {
        threads = Executors.newCachedThreadPool();
        timers = new DelayedExecutor(threads);
        timers.start();
        HttpServerFilter web = new HttpServerFilter(new ServerFilterConfiguration(), timers);
        web.setHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws Exception {
                response.setContentType("text/plain");
                response.getWriter().write("served " + request.getRequestURI());
            }
        });
        FilterChain http = FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new org.glassfish.grizzly.http.HttpServerFilter(true, 8192, null, new KeepAlive(), timers))
                .add(web)
                .build();
        transport = TCPNIOTransportBuilder.newInstance().setIOStrategy(JsonErrorIOStrategy.getInstance()).build();
        transport.setProcessor(http);
        port = ((InetSocketAddress) transport.bind("127.0.0.1", 0).getLocalAddress()).getPort();
        transport.start();
    }

    @AfterAll
    static void stop() throws IOException {
        transport.shutdownNow();
        timers.stop();
        threads.shutdownNow();
    }

    /**
     * Grizzly from Maven Central does not check header bytes (Payara's build does, and src-it's
     * HttpEdgeContract sends it one); a header larger than the codec's buffer takes the same path.
     */
    @Test
    void aHeaderTheCodecCannotParseGetsAJson400() {
        String answer = exchange("GET /a HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("\r\nContent-Type: application/json\r\n")
                .contains("\r\nConnection: close\r\n")
                .contains("\r\n\r\n{\"detail\":\"The request could not be parsed: ").endsWith("\"}");
    }

    @Test
    void theChainIsEquippedOnceWhateverTheNumberOfConnections() {
        exchange("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        exchange("GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        FilterChain chain = (FilterChain) transport.getProcessor();
        assertThat(chain.stream().map(f -> f.getClass().getSimpleName())).containsExactly(
                "TransportFilter", "HeaderErrorAnswer", "HttpServerFilter", "PathCheck", "HttpServerFilter");
    }

    @Test
    void theDetailNamesTheRefusedByteAsItIs() {
        assertThat(HeaderErrorAnswer.describe(new IllegalStateException("An invalid character 0xfffffffc was found in the header value")))
                .isEqualTo("The request could not be parsed: An invalid character 0xfc was found in the header value");
    }

    @Test
    void aBackslashInThePathGetsAJson400() {
        for (String path : new String[] {"/a%5Cb", "/a\\b", "/a/%5c"}) {
            String answer = exchange("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Content-Type: application/json")
                    .endsWith("{\"detail\":\"A backslash (\\\\ or %5C) is not allowed in a URL path\"}");
        }
    }

    @Test
    void aPathClimbingAboveTheRootGetsAJson400EvenWithABodyOnItsWay() {
        for (String request : new String[] {"GET /storage/../../../x HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /%2e%2e/x HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /storage/../../x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npart of the body"}) {
            String answer = exchange(request);
            assertThat(answer).as(request).startsWith("HTTP/1.1 400 Bad Request\r\n").contains("Content-Type: application/json")
                    .endsWith("{\"detail\":\"The URL path climbs above / with ..\"}");
        }
    }

    @Test
    void aNulByteOrABrokenEscapeInThePathGetsAJson400() {
        assertThat(exchange("GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n"))
                .endsWith("{\"detail\":\"A NUL byte (%00) is not allowed in a URL path\"}");
        assertThat(exchange("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 400 ")
                .contains("{\"detail\":\"The URL path has a malformed %-escape");
    }

    @Test
    void everyOtherRequestIsServedAndTheConnectionKeptAlive() {
        String answer = exchange("GET /a/./b/../c?q=%5C HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /%C3%BC/x%2Fy HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
                + "GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(answer).contains("served /a/./b/../c").contains("served /%C3%BC/x%2Fy").endsWith("served /last")
                .doesNotContain("detail");
    }

    /** Sends the request as ISO-8859-1 (so {@code ü} is the single byte 0xfc) and returns the whole answer. */
    private static String exchange(String request) {
        return RawHttp.exchange("127.0.0.1", port, request.getBytes(StandardCharsets.ISO_8859_1));
    }
}
