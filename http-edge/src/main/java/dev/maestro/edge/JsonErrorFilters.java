package dev.maestro.edge;

import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;

/** Puts the JSON-answer filters into a listener's filter chain, around its HTTP codec. */
final class JsonErrorFilters {
    private JsonErrorFilters() {
    }

    /**
     * Adds the header-error answer just before the HTTP/1.1 codec (it rewrites the bytes the codec
     * writes) and the path check just before the web filter, so that it sees every request, also
     * those of HTTP/2 streams (an h2c upgrade puts Grizzly's HTTP/2 filter between the two). A
     * chain without a codec (not HTTP) is left as it is.
     */
    static void addTo(FilterChain chain) {
        int codec = -1;
        int web = -1;
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof HttpServerFilter && codec < 0) {
                codec = i;
            } else if (chain.get(i) instanceof org.glassfish.grizzly.http.server.HttpServerFilter) {
                web = i;
            }
        }
        if (codec < 0) {
            return;
        }
        HeaderErrorAnswer headerErrors = new HeaderErrorAnswer();
        ((HttpServerFilter) chain.get(codec)).getMonitoringConfig().addProbes(headerErrors.probe());
        chain.add(web > codec ? web : codec + 1, new PathCheck());
        chain.add(codec, headerErrors);
    }
}
