/**
 * The system integration suite: {@link dev.maestro.system.it.SystemIT} holds one managed Payara
 * Micro running the whole system (RAR, API, pipeline) as in production, and each feature's tests
 * are a contract interface it implements (so far: the boot itself).
 */
package dev.maestro.system.it;
