package dev.maestro.pipeline.config;

import java.util.List;

/**
 * "When this event happens, run this job on this runtime, once per platform."
 *
 * @param index     position in the {@code scheduler} list, for log lines
 * @param platforms empty means the platform named after the runtime's lab type
 */
public record SchedulerEntry(int index, String job, EventCondition event, RuntimeSelector runtime, List<String> platforms) {
}
