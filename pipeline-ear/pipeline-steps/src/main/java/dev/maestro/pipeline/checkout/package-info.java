/**
 * The cores of the two checkout steps. The trigger ({@link dev.maestro.pipeline.checkout.CheckoutTrigger})
 * finds a branch's head and describes the commit (describe, Makefile version, tags, message)
 * for a new checkout node; the tarball step ({@link dev.maestro.pipeline.checkout.TarballMaker})
 * archives that commit from a local mirror and stores it. Node reads and writes stay with the
 * calling beans, which run {@link dev.maestro.pipeline.checkout.CheckoutTrigger#existingCheckout}
 * (a {@code NodeCriteria}) and create the {@code Node} it builds. Within the pipeline, depends on
 * {@code config}, {@code git} and {@code storage}.
 */
package dev.maestro.pipeline.checkout;
