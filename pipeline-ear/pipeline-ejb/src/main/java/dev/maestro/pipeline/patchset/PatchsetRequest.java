package dev.maestro.pipeline.patchset;

import dev.maestro.pipeline.patch.PatchsetOrigin;
import java.util.List;
import org.bson.types.ObjectId;

/**
 * A series to test on a checkout.
 *
 * @param checkout       the base checkout's id
 * @param patches        the series, in order (1 to 32)
 * @param origin         who sent it and where it came from (kept in {@code data.patchset})
 * @param submitter      the node's {@code submitter}: {@code user:<email>} for a user, {@code service:<name>} for a bridge
 * @param jobfilter      the jobs to run on it; empty: every configured job
 * @param platformFilter the platforms test jobs may use; empty: every one
 */
public record PatchsetRequest(ObjectId checkout, List<PatchSource> patches, PatchsetOrigin origin, String submitter,
                              List<String> jobfilter, List<String> platformFilter) {
    public PatchsetRequest {
        patches = List.copyOf(patches);
        jobfilter = jobfilter == null ? List.of() : List.copyOf(jobfilter);
        platformFilter = platformFilter == null ? List.of() : List.copyOf(platformFilter);
    }

    /** A series with no filters: every configured job runs on it. */
    public static PatchsetRequest of(ObjectId checkout, List<PatchSource> patches, PatchsetOrigin origin, String submitter) {
        return new PatchsetRequest(checkout, patches, origin, submitter, List.of(), List.of());
    }
}
