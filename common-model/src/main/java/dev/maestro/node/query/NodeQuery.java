package dev.maestro.node.query;

import dev.maestro.store.PageRequest;
import java.util.Map;
import org.bson.conversions.Bson;

/** A parsed node query: the filter, the sort and which slice ({@code limit} 0 = no limit). */
public record NodeQuery(Bson filter, Bson sort, PageRequest page) {

    /** {@code GET /nodes}: every parameter but limit, offset and sort is a filter; limit defaults to 50. */
    public static NodeQuery paged(Map<String, String> params) {
        return new NodeQuery(NodeFilter.parse(params), NodeSort.parse(params.get("sort")),
                PageRequest.paged(params.get("limit"), params.get("offset")));
    }

    /** {@code GET /nodes/fast}: as {@link #paged} but all matches unless a limit is given. */
    public static NodeQuery unpaged(Map<String, String> params) {
        return new NodeQuery(NodeFilter.parse(params), NodeSort.parse(params.get("sort")),
                PageRequest.unpaged(params.get("limit"), params.get("offset")));
    }

    /** {@code GET /count}: only the filter counts; limit, offset and sort are ignored, not read. */
    public static NodeQuery counting(Map<String, String> params) {
        return new NodeQuery(NodeFilter.parse(params), NodeSort.parse(null), new PageRequest(0, 0));
    }
}
