package dev.maestro.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether the HTTP port is free before Payara Micro is started on it: otherwise the readiness
 * check would be answered by whatever already listens there (another Maestro EE said "is up"
 * for a server that then failed to bind). It binds as Payara's listener does, with
 * {@code SO_REUSEADDR}: a listener refuses it, but the connections a stopped server left in
 * {@code TIME_WAIT} do not (without it, a restart within a minute of a busy server's stop was
 * refused as "already in use").
 */
final class PortCheck {
    private PortCheck() {
    }

    static void ensureFree(int port) throws StartRefused {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new StartRefused("Port " + port + " is already in use (" + e.getMessage()
                    + "): another Maestro EE or another server listens there. Stop it, or set MAESTRO_PORT to a free port.");
        }
    }
}
