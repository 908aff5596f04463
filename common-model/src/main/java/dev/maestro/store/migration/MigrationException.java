package dev.maestro.store.migration;

/** Migrating the database failed or is refused; the message says why, for an operator. */
public class MigrationException extends RuntimeException {
    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
