/**
 * Routes served ahead of JAX-RS, by a servlet filter, because they are the API's hottest and
 * Jersey's request processing (routing, the filter chain, request-scoped look-ups, writing the
 * entity) cost more CPU than the route's own work. Only requests of the plainest form are served
 * here; anything else (another method, a query string, another {@code Accept}, a refused token)
 * goes on to the JAX-RS resource that declares the route, which stays its one documented form
 * (OpenAPI, error shapes). Depends on the API's auth, error and metrics packages and on
 * common-model's node and subscription services.
 */
package dev.maestro.api.direct;
