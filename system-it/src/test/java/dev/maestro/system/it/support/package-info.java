/**
 * What the system tests run against: the backends and files prepared before Payara Micro boots
 * (key pair, fixture git tree, pipeline configuration) and the helpers that change them.
 */
package dev.maestro.system.it.support;
