package dev.maestro.pipeline.ra.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static Envelope node(String data) {
        return Envelope.parse("{\"id\":\"e1\",\"data\":" + data + "}");
    }

    @Test
    void everyClauseMustMatchOneOfItsValues() {
        EventFilter f = EventFilter.parse("op=created, kind=checkout|kbuild");
        assertThat(f.matches(node("{\"op\":\"created\",\"kind\":\"kbuild\"}"))).isTrue();
        assertThat(f.matches(node("{\"op\":\"updated\",\"kind\":\"kbuild\"}"))).isFalse();
        assertThat(f.matches(node("{\"op\":\"created\",\"kind\":\"test\"}"))).isFalse();
    }

    @Test
    void missingKeyDoesNotMatchButJsonNullMatchesTheWordNull() {
        EventFilter f = EventFilter.parse("result=null");
        assertThat(f.matches(node("{\"result\":null}"))).isTrue();
        assertThat(f.matches(node("{\"kind\":\"test\"}"))).isFalse();
    }

    @Test
    void dottedKeysReachIntoNestedDataAndValuesCompareAsText() {
        EventFilter f = EventFilter.parse("data.kernel_revision.tree=mainline,is_hierarchy=false,retry=2");
        assertThat(f.matches(node("{\"data\":{\"kernel_revision\":{\"tree\":\"mainline\"}},\"is_hierarchy\":false,\"retry\":2}"))).isTrue();
        assertThat(f.matches(node("{\"data\":{\"kernel_revision\":\"mainline\"},\"is_hierarchy\":false,\"retry\":2}"))).isFalse();
    }

    @Test
    void noFilterAndUnparsableEnvelopesLetEverythingThrough() {
        assertThat(EventFilter.parse(null).matches(node("{}"))).isTrue();
        assertThat(EventFilter.parse(" ")).isSameAs(EventFilter.ALL);
        assertThat(EventFilter.parse("kind=test").matches(Envelope.parse("not json"))).isTrue();
    }

    @Test
    void malformedClausesAreRejected() {
        assertThatThrownBy(() -> EventFilter.parse("kind")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kind'");
        assertThatThrownBy(() -> EventFilter.parse("kind=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventFilter.parse("=x")).isInstanceOf(IllegalArgumentException.class);
    }
}
