/**
 * The pipeline's service API ({@code /pipeline/api/…}), the endpoints KernelCI's {@code kci-dev}
 * calls: its authentication (the {@link dev.maestro.pipeline.web.service.ServiceApi} binding, the
 * filter and the {@link dev.maestro.pipeline.web.service.ServiceCaller} principal) and its thin
 * resources over the EJB module ({@code identity} checks callers).
 */
package dev.maestro.pipeline.web.service;
