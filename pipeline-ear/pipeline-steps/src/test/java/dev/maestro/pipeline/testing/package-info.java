/**
 * Test support: a real HTTP server that stands in for the API and storage while example jobs run,
 * and configuration files written on the fly (the toy git tree is test-support's FixtureRepo).
 */
package dev.maestro.pipeline.testing;
