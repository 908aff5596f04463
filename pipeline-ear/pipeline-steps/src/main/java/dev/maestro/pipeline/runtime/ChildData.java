package dev.maestro.pipeline.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KernelCI's hierarchy rule (§5.4 of the pipeline spec): the child nodes of a job repeat these
 * fields of the job node's data, so each test result says what kernel, build and platform it is about.
 */
public final class ChildData {
    public static final List<String> FIELDS = List.of("kernel_revision", "kernel_type", "arch",
            "defconfig", "config_full", "compiler", "platform", "runtime");

    private ChildData() {
    }

    /** The fields of {@code jobData} a child node repeats (those that are set). */
    public static Map<String, Object> of(Map<String, Object> jobData) {
        Map<String, Object> child = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (jobData.get(field) != null) {
                child.put(field, jobData.get(field));
            }
        }
        return child;
    }
}
