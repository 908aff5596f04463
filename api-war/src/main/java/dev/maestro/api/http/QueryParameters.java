package dev.maestro.api.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query of a request as one value per name; a repeated name keeps its last value, as Starlette's {@code dict(request.query_params)}. */
public final class QueryParameters {
    private QueryParameters() {
    }

    public static Map<String, String> of(UriInfo uri) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, last(values)));
        return query;
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }
}
