package dev.maestro.event.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dev.maestro.error.BadRequestException;
import dev.maestro.event.EventHistory;

import dev.maestro.testing.LocalBackends;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /events} with a {@code field__op} parameter: {@code __re} matches, other operators are a 400, never a silent []. */
class EventSearchOperatorTest {
    private static LocalBackends backends;
    private static EventSearch search;

    @BeforeAll
    static void start() {
        backends = new LocalBackends();
        MongoDatabase db = backends.mongo().database();
        long seq = 0;
        for (String name : List.of("kbuild-gcc-12-x86", "kbuild-clang-17-arm64", "baseline-x86")) {
            db.getCollection("eventhistory").insertOne(new Document("timestamp", new Date()).append("sequence_id", ++seq)
                    .append("channel", "node").append("owner", "bob").append("data", new Document("name", name).append("op", "created")));
        }
        search = new EventSearch(new EventHistory(db), id -> Optional.empty());  // no recursive search here
    }

    @AfterAll
    static void stop() throws Exception {
        backends.close();
    }

    private static List<Object> names(Map<String, String> params) {
        return search.search(params).stream().map(e -> ((Map<?, ?>) e.get("data")).get("name")).map(Object.class::cast).toList();
    }

    @Test
    void aRegexOnAPayloadFieldMatchesUnanchored() {
        assertThat(names(Map.of("name__re", "^kbuild-"))).containsExactly("kbuild-gcc-12-x86", "kbuild-clang-17-arm64");
        assertThat(names(Map.of("name__re", "x86"))).containsExactly("kbuild-gcc-12-x86", "baseline-x86");
        assertThat(names(Map.of("data.name__re", "clang"))).containsExactly("kbuild-clang-17-arm64");
        assertThat(names(Map.of("channel__re", "^no"))).hasSize(3);
    }

    @Test
    void anotherOperatorOrABadRegexIsABadRequest() {
        assertThatThrownBy(() -> search.search(Map.of("sequence_id__gt", "1")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'__gt' is not supported by /events");
        assertThatThrownBy(() -> search.search(Map.of("name__re", "(")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid regular expression for 'name__re'");
    }
}
