/**
 * Git through its command-line tool: the head of a remote branch ({@code ls-remote}), local bare
 * mirrors of trees (clone, fetch, {@code archive}, {@code describe}, files at a commit), and the
 * kernel version declared in a tree's Makefile. Depends only on {@code process}; the trigger and
 * tarball steps ({@code checkout}) and configuration validation use it.
 */
package dev.maestro.pipeline.git;
