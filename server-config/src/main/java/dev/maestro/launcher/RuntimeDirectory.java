package dev.maestro.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Payara Micro's runtime directory. Micro redeploys whatever applications a used runtime
 * directory holds, after the ones named on its command line, which made a restarted server
 * answer 404 and 500 for seconds after it said it was up. Each start therefore gets an empty
 * one; nothing of value lives there (data is in MongoDB, Redis and the key files).
 */
final class RuntimeDirectory {
    private RuntimeDirectory() {
    }

    static Path fresh(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty Payara Micro's runtime directory " + dir, e);
        }
    }
}
