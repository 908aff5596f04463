/** Benchmarks run from the command line against a real Maestro EE; each prints its figures. Depends on no project code. */
package dev.maestro.bench;
