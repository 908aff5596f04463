package dev.maestro.api.node;

import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query parameters as the node query language reads them: decoded, in order, last value wins (as KernelCI). */
final class QueryParameters {
    private QueryParameters() {
    }

    static Map<String, String> of(UriInfo uri) {
        Map<String, String> params = new LinkedHashMap<>();
        uri.getQueryParameters(true).forEach((key, values) -> {
            List<String> v = values;
            params.put(key, v.isEmpty() ? "" : v.get(v.size() - 1));
        });
        return params;
    }
}
