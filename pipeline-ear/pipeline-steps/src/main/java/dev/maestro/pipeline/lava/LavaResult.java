package dev.maestro.pipeline.lava;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a LAVA callback says, mapped onto nodes: the job node's result and error, the device it
 * ran on, artifacts the job uploaded itself, and its child nodes.
 *
 * @param result    {@code pass}, {@code fail} or {@code incomplete}
 * @param errorCode for an incomplete job, LAVA's {@code error_type} ({@code Infrastructure}, {@code Job}, {@code Test}…)
 * @param artifacts {@code artifact-upload:<name>:<url>} cases of the {@code upload} suite that passed
 */
public record LavaResult(String result, Optional<String> errorCode, Optional<String> errorMessage,
                         Optional<String> device, Map<String, String> artifacts, List<Child> children) {

    /**
     * A suite or a test set ({@code kind: job}) with its children, or a test case
     * ({@code kind: test}, no children).
     *
     * @param result empty for a case LAVA could not decide ({@code unknown}), which the node model has no value for
     */
    public record Child(String name, String kind, Optional<String> result, List<Child> children) {
    }
}
