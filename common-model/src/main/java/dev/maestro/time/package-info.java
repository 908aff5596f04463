/**
 * Timestamps as KernelCI writes and reads them: naive UTC ISO-8601 out, and lenient input
 * (offsets, {@code Z}, a space instead of {@code T}). Depends on nothing else in the project.
 */
package dev.maestro.time;
