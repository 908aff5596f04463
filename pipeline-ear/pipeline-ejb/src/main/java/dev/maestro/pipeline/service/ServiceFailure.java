package dev.maestro.pipeline.service;

import dev.maestro.error.MaestroException;

/**
 * The pipeline cannot do what a service API call asks for, through no fault of the caller: 503
 * when it runs without a configuration, 502 when the tree cannot be fetched.
 */
public class ServiceFailure extends MaestroException {
    public ServiceFailure(int status, String detail) {
        super(status, detail);
    }
}
