package dev.maestro.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The log of the Arquillian-managed Payara Micro ({@code --logtofile <dir>/payara-micro.log}),
 * for tests whose evidence is a log line.
 */
public final class ServerLog {

    private ServerLog() {
    }

    /**
     * Whether the server log in {@code dir} contains {@code text}. Micro's file handler may name
     * the file {@code payara-micro.log.0}, so every {@code payara-micro.log*} counts.
     */
    public static boolean contains(Path dir, String text) {
        return count(dir, text) > 0;
    }

    /** How many times {@code text} occurs in the server log in {@code dir} (every {@code payara-micro.log*}). */
    public static int count(Path dir, String text) {
        try (Stream<Path> files = Files.list(dir)) {
            int n = 0;
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("payara-micro.log")
                    && !f.getFileName().toString().endsWith(".lck")).toList()) {
                String content = Files.readString(log);
                for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + text.length())) {
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
