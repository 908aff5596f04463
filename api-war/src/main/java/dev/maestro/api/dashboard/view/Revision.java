package dev.maestro.api.dashboard.view;

import dev.maestro.node.Node;

/**
 * A checkout as a row of the trees page or the head of its own page: what was checked out, when,
 * its state and (once it has one) its result, which a checkout may have long before it is done.
 */
public record Revision(String id, String name, String tree, String branch, String url, String commit, String shortCommit,
                       String describe, String created, String state, String result, String statusClass, boolean done) {

    public static Revision of(Node checkout) {
        String commit = Nodes.data(checkout, "kernel_revision.commit");
        return new Revision(checkout.id().toHexString(), checkout.name(), Nodes.data(checkout, "kernel_revision.tree"),
                Nodes.data(checkout, "kernel_revision.branch"), Nodes.data(checkout, "kernel_revision.url"), commit,
                commit.length() > 12 ? commit.substring(0, 12) : commit, Nodes.data(checkout, "kernel_revision.describe"),
                Nodes.time(checkout.created()), checkout.state().value(),
                checkout.result() == null ? "" : checkout.result().value(), Nodes.statusClass(checkout), Nodes.done(checkout));
    }
}
