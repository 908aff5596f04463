package dev.maestro.pipeline.patchwork;

import java.net.URI;

/** A patch URL outside the allow-list: never fetched, and trying again will not help. */
public class DisallowedHostException extends RuntimeException {
    public DisallowedHostException(URI url) {
        super("not fetching " + url + ": host " + url.getHost() + " is not among the allowed hosts");
    }
}
