/**
 * Test-only beans that the integration tests add to the deployed {@code pipeline.war}:
 * message-driven beans with scripted behaviour (fail once, always fail, hold, wait at a gate),
 * the record of what they received, and a JAX-RS probe through which the tests read it.
 */
package dev.maestro.pipeline.it.deployed;
