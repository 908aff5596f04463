/**
 * Test support: real git repositories made by the tests, a real HTTP server that stands in for
 * the API and storage while example jobs run, and configuration files written on the fly.
 */
package dev.maestro.pipeline.testing;
