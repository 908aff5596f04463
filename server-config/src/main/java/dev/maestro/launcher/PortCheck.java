package dev.maestro.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether the HTTP port is free before Payara Micro is started on it: otherwise the readiness
 * check would be answered by whatever already listens there (another Maestro EE said "is up"
 * for a server that then failed to bind).
 */
final class PortCheck {
    private PortCheck() {
    }

    static void ensureFree(int port) throws StartRefused {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartRefused("Port " + port + " is already in use (" + e.getMessage()
                    + "): another Maestro EE or another server listens there. Stop it, or set MAESTRO_PORT to a free port.");
        }
    }
}
