package dev.maestro.pipeline.ra.history;

/** One stored event, as much of it as a delivery needs: its number in its channel and its envelope (JSON text). */
public record HistoryEvent(String channel, long sequence, String envelope) {
}
