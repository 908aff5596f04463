package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.testsupport.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's HAProxy configuration never has a request repeated once an instance got it, also
 * when the client reuses its connection (as Java's HTTP client and most others do). HAProxy
 * answers a request whose instance closed the connection without an answer with a 502 only when
 * it was the first request on the client's connection; on a reused one it closes the client's
 * connection silently, "so that the client retries", and clients do retry a GET. A {@code /listen}
 * is a GET that confirms the event the previous one answered: repeated against another instance
 * after its own instance claimed an event and died, it confirms that event, which the subscriber
 * never got (ScaleOutIT's subscribers then waited forever for it). Two fake instances stand for the
 * API here: the first {@code /listen} to reach either closes its connection unanswered, as an
 * instance killed with SIGKILL does.
 */
class BalancerRepeatsNoRequestIT {
    @TempDir
    Path dir;

    @Test
    void aListenWhoseInstanceDiesIsAnsweredWithAnErrorAndReachesNoOtherInstance() throws Exception {
        AtomicBoolean dying = new AtomicBoolean();
        List<String> listens = new CopyOnWriteArrayList<>();
        try (FakeInstance api1 = new FakeInstance("api1", dying, listens);
             FakeInstance api2 = new FakeInstance("api2", dying, listens)) {
            int lbPort = EmbeddedBackends.freePort();
            try (Balancer balancer = Balancer.start(dir, lbPort, Map.of(
                    "MAESTRO_API_1", api1.hostPort(), "MAESTRO_API_2", api2.hostPort(),
                    "MAESTRO_PIPELINE_1", api1.hostPort(), "MAESTRO_PIPELINE_2", api2.hostPort()))) {
                ApiClient lb = new ApiClient("http://127.0.0.1:" + lbPort, null);
                // The client's connection to the balancer has carried a request before the /listen.
                Poll.until("the balancer passing requests", Duration.ofSeconds(30), () -> lb.get("/latest/").status() == 200);
                dying.set(true);

                ApiResponse listen = null;
                try {
                    listen = lb.get("/latest/listen/7");
                } catch (UncheckedIOException noAnswer) {
                    // A closed connection is an error the subscriber sees, as a 502 is.
                }
                assertThat(listens).as("instances the /listen reached\n%s", balancer.log()).hasSize(1);
                assertThat(listen == null ? 0 : listen.status()).as("what the subscriber got: %s", listen).isIn(0, 502);
            }
        }
    }

    /**
     * An HTTP/1.1 instance that keeps connections open and answers 200; the first
     * {@code /latest/listen/} it gets while {@code dying} is set, it closes unanswered.
     */
    private static final class FakeInstance implements AutoCloseable {
        private final String name;
        private final AtomicBoolean dying;
        private final List<String> listens;
        private final ServerSocket server;

        FakeInstance(String name, AtomicBoolean dying, List<String> listens) throws IOException {
            this.name = name;
            this.dying = dying;
            this.listens = listens;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(this::accept, "fake-" + name);
            accepting.setDaemon(true);
            accepting.start();
        }

        String hostPort() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket connection = server.accept();
                    Thread serving = new Thread(() -> serve(connection), "fake-" + name + "-connection");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = connection.getOutputStream();
                for (String requestLine = in.readLine(); requestLine != null; requestLine = in.readLine()) {
                    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                        // GETs only: no body to read.
                    }
                    if (requestLine.startsWith("GET /latest/listen/")) {
                        listens.add(name);
                        if (dying.compareAndSet(true, false)) {
                            return;
                        }
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException gone) {
                // The balancer closed the connection.
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
