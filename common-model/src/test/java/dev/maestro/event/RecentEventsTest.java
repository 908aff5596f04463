package dev.maestro.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private static StoredEvent event(String channel, long sequence) {
        return new StoredEvent("id" + sequence, channel, sequence, Instant.now(), "bob", null, "{\"n\":" + sequence + "}");
    }

    @Test
    void anEventIsFoundByChannelAndSequence() {
        RecentEvents recent = new RecentEvents();
        recent.remember(event("node", 7));
        assertThat(recent.at("node", 7)).get().extracting(StoredEvent::envelope).isEqualTo("{\"n\":7}");
        assertThat(recent.at("node", 8)).isEmpty();
        assertThat(recent.at("other", 7)).isEmpty();
    }

    @Test
    void aLaterEventOnTheSameSlotReplacesTheOlderOne() {
        RecentEvents recent = new RecentEvents();
        recent.remember(event("node", 3));
        recent.remember(event("node", 3 + RecentEvents.PER_CHANNEL));
        assertThat(recent.at("node", 3)).isEmpty();
        assertThat(recent.at("node", 3 + RecentEvents.PER_CHANNEL)).isPresent();
    }

    @Test
    void anOlderEventDoesNotPushOutANewerOneOnItsSlot() {
        RecentEvents recent = new RecentEvents();
        recent.remember(event("node", 3 + RecentEvents.PER_CHANNEL));
        recent.remember(event("node", 3));
        assertThat(recent.at("node", 3 + RecentEvents.PER_CHANNEL)).isPresent();
        assertThat(recent.at("node", 3)).isEmpty();
    }

    @Test
    void noChannelsAreAddedBeyondTheBound() {
        RecentEvents recent = new RecentEvents();
        for (int i = 0; i < RecentEvents.MAX_CHANNELS; i++) {
            recent.remember(event("c" + i, 1));
        }
        recent.remember(event("one-too-many", 1));
        assertThat(recent.at("one-too-many", 1)).isEmpty();
        assertThat(recent.at("c0", 1)).isPresent();
    }
}
