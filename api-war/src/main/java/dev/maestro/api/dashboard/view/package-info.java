/**
 * The dashboard's pages as plain logic: view models built from nodes and events (a checkout's
 * subtree with its counts and failures-first test tree, result bars, node fields, timelines) and
 * the Mustache templates beside them ({@link dev.maestro.api.dashboard.view.Templates}), which
 * escape every value. Depends on common-model's node, query, event and time packages and on
 * Mustache.java only; no JAX-RS, so it is tested and benchmarked without a server.
 */
package dev.maestro.api.dashboard.view;
