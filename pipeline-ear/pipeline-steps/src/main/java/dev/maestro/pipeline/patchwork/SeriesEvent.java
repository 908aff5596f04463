package dev.maestro.pipeline.patchwork;

/**
 * One {@code series-completed} event of {@code GET /api/1.2/events/}.
 *
 * @param date Patchwork's timestamp as it writes it (UTC, no offset); fed back as {@code since}
 */
public record SeriesEvent(long id, String date, long seriesId) {
}
