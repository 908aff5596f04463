package dev.maestro.testing;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A driver command listener that records the filter keys of every {@code find} on one
 * collection: what a test checks when the shape of a query decides whether the embedded
 * MongoDB-wire server answers it from an index. The keys are copied at once, since the command's
 * buffer is released after the listener returns.
 */
public final class FindFilters implements CommandListener {
    private final String collection;
    private final List<List<String>> keys = new CopyOnWriteArrayList<>();

    public FindFilters(String collection) {
        this.collection = collection;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue().equals(collection)) {
            keys.add(List.copyOf(event.getCommand().getDocument("filter").keySet()));
        }
    }

    /** The filter keys of the finds seen since the last {@link #clear()}, in order. */
    public List<List<String>> keys() {
        return List.copyOf(keys);
    }

    public void clear() {
        keys.clear();
    }
}
