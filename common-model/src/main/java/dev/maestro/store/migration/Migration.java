package dev.maestro.store.migration;

import com.mongodb.client.MongoDatabase;

/**
 * One numbered change to the database. Numbers are never reused or reordered once released: a
 * new change is a new migration at the end of {@link Migrations#all}. A step must tolerate
 * having been interrupted half-way (it runs again on the next start).
 */
public record Migration(int number, String name, Step step) {
    @FunctionalInterface
    public interface Step {
        void apply(MongoDatabase db);
    }

    @Override
    public String toString() {
        return number + " " + name;
    }
}
