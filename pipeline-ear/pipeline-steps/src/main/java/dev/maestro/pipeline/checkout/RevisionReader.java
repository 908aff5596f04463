package dev.maestro.pipeline.checkout;

import dev.maestro.pipeline.git.GitException;
import dev.maestro.pipeline.git.LocalMirror;

/** Describes a commit that a mirror holds; shared by the trigger and the tarball step. */
final class RevisionReader {
    private RevisionReader() {
    }

    /**
     * @throws GitException when the mirror does not have the commit
     */
    static KernelRevision read(LocalMirror mirror, String tree, String branch, String commit) {
        String full = mirror.resolveCommit(commit).orElseThrow(() -> new GitException("Commit " + commit
                + " is not in " + mirror.url() + " (after fetching all its branches and tags)"));
        return new KernelRevision(tree, mirror.url(), branch, full,
                mirror.describe(full).replace('/', '_'),
                mirror.kernelVersion(full),
                mirror.tagsPointingAt(full),
                mirror.commitMessage(full),
                mirror.branchHead(branch).map(full::equals).orElse(false));
    }
}
