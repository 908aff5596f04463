package dev.maestro.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Waits for a started Payara Micro to serve an application, and gives up with the reason as
 * soon as it is clear that it will not: the process ended, or Payara finished booting and the
 * application still does not answer (a failed deployment leaves Payara running and answering
 * 404/500 for ever).
 */
final class ServerStartup {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    /** After Payara says it is ready, how long an application may still answer something other than 200. */
    private static final Duration AFTER_BOOT = Duration.ofSeconds(20);
    /**
     * How long one readiness request may take: the first request of a freshly deployed
     * application initialises it, which on a busy machine took longer than 5 s, and a slow answer
     * is no sign of a failed deployment.
     */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Process server;
    private final ServerLog log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServerStartup(Process server, ServerLog log) {
        this.server = server;
        this.log = log;
    }

    /** Waits until {@code url} answers 200; {@code what} names the application in messages. */
    void awaitServing(String what, String url) throws StartRefused, InterruptedException {
        Instant deadline = Instant.now().plus(LIMIT);
        Instant bootedAt = null;
        while (true) {
            if (!server.isAlive()) {
                throw new StartRefused("Payara Micro stopped (exit status " + server.exitValue() + ") before the " + what
                        + " was deployed. The first error in " + log.file() + ":\n" + log.firstError());
            }
            OptionalInt status = status(url);
            if (status.isPresent() && status.getAsInt() == 200) {
                return;
            }
            if (bootedAt == null && log.booted()) {
                bootedAt = Instant.now();
            }
            // Only an answer proves the deployment failed (Payara answers 404/500 for ever then);
            // no answer yet, on a busy machine, may still become one.
            if (status.isPresent() && bootedAt != null && Instant.now().isAfter(bootedAt.plus(AFTER_BOOT))) {
                throw new StartRefused("Payara Micro started but the " + what + " did not deploy (" + url
                        + " does not answer). The first error in " + log.file() + ":\n" + log.firstError());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartRefused("The " + what + " did not come up within " + LIMIT.toMinutes() + " minutes; the log is "
                        + log.file() + ":\n" + log.firstError());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The status {@code url} answers, or none when it does not answer in time (or at all). */
    private OptionalInt status(String url) {
        try {
            return OptionalInt.of(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** Prints a start-up phase with the seconds since {@code began}. */
    static Consumer<String> phases(Instant began) {
        return phase -> System.out.println("maestro: " + phase + " (" + Duration.between(began, Instant.now()).toSeconds() + " s)");
    }
}
