package dev.maestro.pipeline.planning;

import dev.maestro.pipeline.config.JobConfig;
import dev.maestro.pipeline.config.PlatformConfig;
import dev.maestro.pipeline.config.RuntimeConfig;
import dev.maestro.pipeline.config.SchedulerEntry;

/** One job to create because an event matched an entry: the job, where it runs and on which platform. */
public record ScheduledJob(SchedulerEntry entry, JobConfig job, RuntimeConfig runtime, PlatformConfig platform) {
}
