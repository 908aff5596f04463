/**
 * LAVA's notify callback, read and mapped onto nodes: {@link dev.maestro.pipeline.lava.LavaCallback}
 * checks the payload LAVA posts when a job finishes (its status, device, serial log and the
 * per-suite results, each a YAML text) and {@link dev.maestro.pipeline.lava.LavaResultTree} turns
 * it into the job's result and the tree of {@code job}/{@code test} child nodes the way KernelCI's
 * callback service does (the synthetic {@code setup} suite, test sets, suite results), which
 * {@link dev.maestro.pipeline.lava.LavaHierarchy} makes one node hierarchy of. Pure data: no
 * I/O, no node store. Depends on {@code runtime} (the fields child nodes repeat).
 */
package dev.maestro.pipeline.lava;
