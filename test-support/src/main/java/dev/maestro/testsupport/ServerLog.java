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
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("payara-micro.log")).toList()) {
                if (Files.readString(log).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
