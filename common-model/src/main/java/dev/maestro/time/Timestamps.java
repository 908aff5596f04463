package dev.maestro.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Converts between the wire format and {@link Instant}. Output follows Python's
 * {@code datetime.isoformat()} on a naive UTC value: whole seconds print without a fraction,
 * anything else with six digits, because KernelCI's clients parse exactly that.
 */
public final class Timestamps {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private Timestamps() {
    }

    /** Now, truncated to what MongoDB keeps (milliseconds), so a write and its read-back agree. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return t.getNano() == 0 ? SECONDS.format(t) : MICROS.format(t);
    }

    public static String format(Date date) {
        return date == null ? null : format(date.toInstant());
    }

    /**
     * Parses {@code 2024-02-01T09:58:28.479138}, with {@code Z} or an offset, with a space for
     * {@code T}, or a bare date. Values without an offset are UTC.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim().replace(' ', 'T');
        if (s.length() >= 11 && s.charAt(10) != 'T') {
            return Optional.empty();
        }
        try {
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (s.endsWith("Z") || s.endsWith("z") || hasOffset(s)) {
                return Optional.of(OffsetDateTime.parse(s.replace('z', 'Z'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
            return Optional.of(LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean hasOffset(String s) {
        int t = s.indexOf('T');
        return t > 0 && (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0);
    }
}
