package dev.maestro.pipeline.config;

import java.nio.file.Path;

/**
 * One thing wrong with a configuration file, located for the operator.
 *
 * @param line   1-based; 0 when the problem concerns the whole file
 * @param column 1-based; 0 when unknown
 * @param key    the key path, such as {@code scheduler[2].runtime.name}; empty for the whole file
 */
public record ConfigProblem(Path file, int line, int column, String key, String message) {

    /** {@code file:line:column: key: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (!key.isEmpty()) {
            s.append(key).append(": ");
        }
        return s.append(message).toString();
    }
}
