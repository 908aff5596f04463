/**
 * The finishing pass over the OpenAPI document that Payara generates from the resources'
 * annotations (MicroProfile OpenAPI's {@code mp.openapi.filter}). Depends on nothing else in
 * the project, only on the MicroProfile OpenAPI model.
 */
package dev.maestro.api.openapi;
