package dev.maestro.store.migration;

/** The database holds migrations this code does not know: a newer Maestro EE migrated it. */
public class DatabaseNewerException extends MigrationException {
    public DatabaseNewerException(String message) {
        super(message);
    }
}
