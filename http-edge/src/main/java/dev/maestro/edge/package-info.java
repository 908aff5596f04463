/**
 * The edge of Payara Micro's HTTP listener: Grizzly filters that give the requests the listener
 * refuses on its own (a header byte HTTP does not allow, a path with a backslash or a NUL byte,
 * a {@code ..} that climbs above {@code /}) the same {@code {"detail": …}} JSON answer as the
 * applications' errors, instead of an empty 400.
 *
 * <p>Runs inside Payara Micro, on its class path ({@code --addlibs}), installed by the
 * I/O strategy the listener settings name ({@code server-config/src/main/payara/http-listener.asadmin}).
 * Depends on Grizzly only (provided by Payara); nothing of the applications.
 */
package dev.maestro.edge;
