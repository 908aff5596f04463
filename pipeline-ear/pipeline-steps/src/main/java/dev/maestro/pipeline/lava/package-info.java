/**
 * LAVA's notify callback, read and mapped onto nodes: {@link dev.maestro.pipeline.lava.LavaCallback}
 * checks the payload LAVA posts when a job finishes (its status, device, serial log and the
 * per-suite results, each a YAML text) and {@link dev.maestro.pipeline.lava.LavaResultTree} turns
 * it into the job's result and the tree of {@code job}/{@code test} child nodes the way KernelCI's
 * callback service does (the synthetic {@code setup} suite, test sets, suite results). Pure
 * data: no I/O, no node store. Depends on no other pipeline package.
 */
package dev.maestro.pipeline.lava;
