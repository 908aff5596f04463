/**
 * The REST API's JAX-RS application. Sub-packages hold one feature's resources each, plus the
 * shared HTTP plumbing ({@code http}, {@code error}, {@code auth}, {@code config}). Resources are
 * thin: parse, authorise, call one common-model service, map the result.
 */
package dev.maestro.api;
