/**
 * The tarball step: turns each new checkout of a configured tree into a source tarball in
 * storage and makes the checkout {@code available}, or closes it with
 * {@code git_checkout_failure} when the commit cannot be archived.
 * {@link dev.maestro.pipeline.tarball.TarballStep} is what it shares with the apply step
 * ({@code patchset}), which also gives a checkout (a patched one) its tarball.
 */
package dev.maestro.pipeline.tarball;
