package dev.maestro.testing;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver command listener that counts the {@code insert} commands sent to one collection, and
 * may hold the first of them at the gate of {@link QueuedWriters} (it runs on the writer's thread,
 * before the command is sent), so that other writers queue behind it.
 */
public final class InsertCommands implements CommandListener {
    private final String collection;
    private final AtomicInteger count = new AtomicInteger();
    private volatile QueuedWriters writers;

    public InsertCommands(String collection) {
        this.collection = collection;
    }

    /** From now on the first insert holds at {@code writers}' gate. */
    public void holdFirstAt(QueuedWriters writers) {
        this.writers = writers;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("insert") && event.getCommand().getString("insert").getValue().equals(collection)) {
            count.incrementAndGet();
            QueuedWriters gated = writers;
            if (gated != null) {
                gated.gate();
            }
        }
    }

    /** How many inserts were sent so far. */
    public int count() {
        return count.get();
    }
}
