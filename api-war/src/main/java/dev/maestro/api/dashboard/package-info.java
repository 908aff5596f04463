/**
 * The web dashboard at {@code /dashboard}: server-rendered pages (trees, checkout, node,
 * regressions, search, pipeline), their static CSS and JavaScript, the server-sent events that
 * keep an unfinished checkout's page live, and the security headers of every dashboard answer.
 * Thin JAX-RS resources: read nodes and events through common-model's services (node,
 * node.query, event, event.subscription for Redis's wake-ups, store, error, json), build the model with {@code dashboard.view}, render it
 * there; of the API they use only {@code api.http}'s query-parameter reading. Reading needs no
 * login, as reading the API.
 */
package dev.maestro.api.dashboard;
