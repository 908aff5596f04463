/**
 * The trigger step: polls the branch of each configured build config and creates one checkout
 * node per new head commit, whichever pipeline instance sees it first.
 */
package dev.maestro.pipeline.trigger;
