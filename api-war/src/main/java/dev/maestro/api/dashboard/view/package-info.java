/**
 * The dashboard's pages as plain logic: view models built from nodes and events (a checkout's
 * subtree with its counts and failures-first test tree, result bars, node fields, timelines) and
 * the Mustache templates beside them ({@link dev.maestro.api.dashboard.view.Templates}), which
 * escape every value. Depends on common-model's node, node.query, error, json and time packages
 * and on Mustache.java only; no JAX-RS, so it is tested without a server.
 */
package dev.maestro.api.dashboard.view;
