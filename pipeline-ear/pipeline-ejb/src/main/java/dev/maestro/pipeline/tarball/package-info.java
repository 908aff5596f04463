/**
 * The tarball step: turns each new checkout of a configured tree into a source tarball in
 * storage and makes the checkout {@code available}, or closes it with
 * {@code git_checkout_failure} when the commit cannot be archived.
 */
package dev.maestro.pipeline.tarball;
