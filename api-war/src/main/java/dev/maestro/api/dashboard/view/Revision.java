package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;

/**
 * A checkout as a row of the trees page or the head of its own page: what was checked out, when,
 * its state and (once it has one) its result, which a checkout may have long before it is done.
 * A patchset (the checkout of a patched tree) shows its series hash beside the base's describe:
 * it is a revision of its own.
 */
public record Revision(String id, String name, String tree, String branch, String url, String commit, String shortCommit,
                       String describe, String patchset, String created, String state, String result, String statusClass,
                       boolean done) {
    private static final String PATCHSET_NAME = "patchset";

    public static Revision of(Node checkout) {
        String commit = Nodes.data(checkout, "kernel_revision.commit");
        return new Revision(checkout.id().toHexString(), checkout.name(), Nodes.data(checkout, "kernel_revision.tree"),
                Nodes.data(checkout, "kernel_revision.branch"), Nodes.data(checkout, "kernel_revision.url"), commit,
                commit.length() > 12 ? commit.substring(0, 12) : commit, Nodes.data(checkout, "kernel_revision.describe"),
                patchset(checkout), Nodes.time(checkout.created()), checkout.state().value(),
                checkout.result() == null ? "" : checkout.result().value(), Nodes.statusClass(checkout), Nodes.done(checkout));
    }

    /**
     * The first 12 digits of a patchset's series hash (enough to tell series apart), "not applied"
     * while its series is not applied yet; empty for a plain checkout.
     */
    private static String patchset(Node checkout) {
        String hash = Nodes.data(checkout, "kernel_revision.patchset");
        if (hash.isEmpty()) {
            return PATCHSET_NAME.equals(checkout.name()) ? "not applied" : "";
        }
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
