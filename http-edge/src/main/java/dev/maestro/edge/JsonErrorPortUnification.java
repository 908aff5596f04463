package dev.maestro.edge;

import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.portunif.PUFilter;
import org.glassfish.grizzly.portunif.PUProtocol;
import org.glassfish.grizzly.portunif.ProtocolFinder;

/**
 * The listener's port-unification filter, named by class in the listener settings. Payara builds
 * the HTTP filter chain itself, with its own codec and no setting for the codec's error answers;
 * port unification is the one place its configuration hands that chain to a class of ours before
 * it is used, so this filter adds the JSON answers around the codec there.
 */
public class JsonErrorPortUnification extends PUFilter {
    @Override
    public PUProtocol register(ProtocolFinder finder, FilterChain chain) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof HttpServerFilter codec) {
                HeaderErrorAnswer headerErrors = new HeaderErrorAnswer();
                codec.getMonitoringConfig().addProbes(headerErrors.probe());
                // After the codec: sees each parsed request before Payara maps it.
                chain.add(i + 1, new PathCheck());
                // Before the codec: sees the bytes of the codec's own error answer on their way out.
                chain.add(i, headerErrors);
                break;
            }
        }
        return super.register(finder, chain);
    }
}
