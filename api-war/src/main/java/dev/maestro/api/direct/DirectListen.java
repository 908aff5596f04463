package dev.maestro.api.direct;

import dev.maestro.api.auth.ActiveUsers;
import dev.maestro.api.auth.VerifiedTokens;
import dev.maestro.api.event.SubscriptionResource;
import dev.maestro.api.metrics.ApiMetrics;
import dev.maestro.event.subscription.ListenMessage;
import dev.maestro.event.subscription.SubscriptionService;
import dev.maestro.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /listen/{sub_id}} as {@link SubscriptionResource#listen} serves it, for a request
 * with a valid bearer token, a {@code sub_id} of plain digits, no query string, accepting JSON.
 * When the next event is not there yet, the request is suspended (no thread held) until it comes
 * or the keep-alive is due.
 * Every other request goes on to JAX-RS, which gives it its 401 or 422.
 */
@ApplicationScoped
class DirectListen {
    static final String PREFIX = "/listen/";
    private static final Method ROUTE = DirectRouteFilter.resourceMethod(SubscriptionResource.class, "listen", String.class);
    private static final Logger LOG = Logger.getLogger(DirectListen.class.getName());
    /** Digits of the largest int, which a longer run of digits cannot be. */
    private static final int MAX_DIGITS = 10;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    VerifiedTokens tokens;

    @Inject
    ActiveUsers users;

    @Inject
    ApiMetrics metrics;

    /** Answers (or suspends) the request if it is of the plain form; false, having read and written nothing, otherwise. */
    boolean serve(String route, HttpServletRequest request, HttpServletResponse response) {
        Optional<Integer> id = subscriptionId(route.substring(PREFIX.length()));
        if (id.isEmpty() || request.getQueryString() != null || !DirectRequests.acceptsJson(request)) {
            return false;
        }
        String token = DirectRequests.bearerToken(request);
        Optional<String> subject = token == null ? Optional.empty() : tokens.subject(token);
        if (subject.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        Runnable waiting = metrics.listenWaiting();
        CompletableFuture<ListenMessage> next = next(id.get(), subject.get());
        if (next.isDone()) {
            // The usual case of a subscriber catching up: answered on this thread, without the
            // container's asynchronous machinery (about a tenth of a /listen's CPU under load).
            finish(response, next, waiting, started);
        } else {
            AsyncContext async = request.startAsync();
            // As a suspended JAX-RS response: no time limit, the keep-alive ends the wait.
            async.setTimeout(0);
            next.whenComplete((message, failure) -> {
                try {
                    finish(response, next, waiting, started);
                } finally {
                    async.complete();
                }
            });
        }
        return true;
    }

    /** The subscription's next message, or the failure to find its subscription or caller. */
    private CompletableFuture<ListenMessage> next(int id, String userId) {
        try {
            return subscriptions.listen(id, users.byId(userId).username()).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Writes the completed listen's message, or the answer the exception mappers give its failure. */
    private void finish(HttpServletResponse response, CompletableFuture<ListenMessage> done, Runnable waiting, long started) {
        waiting.run();
        try {
            int status;
            try {
                status = DirectRequests.answer(response, 200, Json.writeBytes(done.join().toJson()));
            } catch (CompletionException e) {
                // The exception mappers' answer looks through the wrapper to its cause.
                status = DirectRequests.answer(response, e);
            }
            metrics.directRequestServed("GET", ROUTE, status, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | UncheckedIOException | IllegalStateException gone) {
            // The client left while waiting, as it may under JAX-RS too: the event is unconfirmed, so a
            // durable subscriber that subscribes again gets it again.
            LOG.log(Level.FINE, "A /listen answer could not be written", gone);
        }
    }

    /** The id when it is plain digits within an int's range, as the resource reads it. */
    private static Optional<Integer> subscriptionId(String raw) {
        if (raw.isEmpty() || raw.length() > MAX_DIGITS || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long id = Long.parseLong(raw);
        return id > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) id);
    }
}
