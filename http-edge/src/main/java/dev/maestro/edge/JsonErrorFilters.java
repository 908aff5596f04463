package dev.maestro.edge;

import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;

/** Puts the JSON-answer filters around the HTTP codec of a listener's filter chain. */
final class JsonErrorFilters {
    private JsonErrorFilters() {
    }

    /** Adds the filters around the chain's HTTP codec; a chain without one (not HTTP) is left as it is. */
    static void addTo(FilterChain chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof HttpServerFilter codec) {
                HeaderErrorAnswer headerErrors = new HeaderErrorAnswer();
                codec.getMonitoringConfig().addProbes(headerErrors.probe());
                // After the codec: sees each parsed request before Payara maps it.
                chain.add(i + 1, new PathCheck());
                // Before the codec: sees the bytes of the codec's own error answer on their way out.
                chain.add(i, headerErrors);
                return;
            }
        }
    }
}
