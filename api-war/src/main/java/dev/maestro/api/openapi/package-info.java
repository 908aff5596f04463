/**
 * What the project adds to the OpenAPI document that Payara generates from the resources'
 * annotations: the node-shaped schemas, made from common-model's node field table
 * ({@code mp.openapi.model.reader}), and the finishing pass over the whole document
 * ({@code mp.openapi.filter}). Depends on {@code node.schema} (the node schemas' properties) and
 * on the MicroProfile OpenAPI model.
 */
package dev.maestro.api.openapi;
