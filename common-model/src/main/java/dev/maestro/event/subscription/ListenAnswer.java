package dev.maestro.event.subscription;

import java.util.function.BooleanSupplier;

/**
 * What one {@code /listen} answers, and the claim of its event, which the caller makes once the
 * answer's body is on its way to the subscriber and before the answer ends. Until then the
 * subscription has not moved: a {@code /listen} whose instance died before sending anything, and
 * which a client or balancer then repeats (HTTP clients repeat a {@code GET} whose connection
 * closed unanswered), gets the same event instead of confirming it unseen. A keep-alive claims
 * nothing.
 */
public final class ListenAnswer {
    private final ListenMessage message;
    private final BooleanSupplier claim;

    ListenAnswer(ListenMessage message, BooleanSupplier claim) {
        this.message = message;
        this.claim = claim;
    }

    static ListenAnswer keepAlive(ListenMessage message) {
        return new ListenAnswer(message, () -> true);
    }

    public ListenMessage message() {
        return message;
    }

    /**
     * Moves the subscription to the answered event, recording the confirmation of the previous
     * one; false when another {@code /listen} moved it first, or it was closed meanwhile: then this
     * answer must not reach the subscriber whole.
     */
    public boolean claim() {
        return claim.getAsBoolean();
    }
}
