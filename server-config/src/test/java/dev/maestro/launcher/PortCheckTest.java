package dev.maestro.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The launcher's check of its HTTP port, on real sockets. */
class PortCheckTest {

    @Test
    void aPortSomeoneListensOnIsRefused() throws IOException {
        try (ServerSocket listener = new ServerSocket(0)) {
            assertThatThrownBy(() -> PortCheck.ensureFree(listener.getLocalPort())).isInstanceOf(StartRefused.class)
                    .hasMessageContaining("already in use");
        }
    }

    /** A stopped server's connections stay in TIME_WAIT on its port for a minute; Payara binds over them. */
    @Test
    void aPortLeftWithConnectionsInTimeWaitIsFree() throws Exception {
        int port;
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = listener.getLocalPort();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port); Socket served = listener.accept()) {
                // The server's side closes first, as a stopping server does: its end of the connection waits in TIME_WAIT.
                served.close();
                assertThat(client.getInputStream().read()).isEqualTo(-1);
            }
        }
        PortCheck.ensureFree(port);
    }
}
