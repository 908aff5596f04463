package dev.maestro.pipeline.web.service;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (class or method) of the pipeline's service API: {@link ServiceAuthFilter}
 * lets only permitted callers through, and the resource finds the caller as the request's
 * {@link ServiceCaller} principal.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ServiceApi {
}
