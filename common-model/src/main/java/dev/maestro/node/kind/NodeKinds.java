package dev.maestro.node.kind;

import static dev.maestro.node.kind.DataRules.bool;
import static dev.maestro.node.kind.DataRules.integer;
import static dev.maestro.node.kind.DataRules.list;
import static dev.maestro.node.kind.DataRules.object;
import static dev.maestro.node.kind.DataRules.objectId;
import static dev.maestro.node.kind.DataRules.oneOf;
import static dev.maestro.node.kind.DataRules.string;
import static dev.maestro.node.kind.DataRules.url;
import static dev.maestro.node.kind.DataSchema.optional;
import static dev.maestro.node.kind.DataSchema.required;

import dev.maestro.error.BadRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds a node may have and the schema of {@code data} for each (KernelCI's sub-models):
 * {@code checkout}, {@code kbuild}, {@code test}, {@code job}, {@code regression}; {@code process}
 * and the generic {@code node} take any {@code data} (or null); {@code patchset} (our addition,
 * the patchset service's copy of a checkout) takes a checkout's {@code data}. Failures are 400
 * with every problem listed.
 */
public final class NodeKinds {
    /** KernelCI's ErrorCodes. */
    public static final Set<String> ERROR_CODES = Set.of("invalid_job_params", "submit_error", "node_timeout",
            "Infrastructure", "Canceled", "Job", "Bug", "Test", "Configuration", "LAVATimeout", "MultinodeTimeout",
            "ObjectNotPersisted", "Unexisting permission codename.", "job_generation_error", "kbuild_internal_error");
    /**
     * The error codes a checkout may carry: KernelCI's two, and the three a patchset (a checkout
     * of a patched tree) ends with when its series cannot be downloaded, is refused or does not apply.
     */
    public static final Set<String> CHECKOUT_ERROR_CODES = Set.of("node_timeout", "git_checkout_failure",
            "patch_download_failure", "patch_invalid", "patch_apply_failure");

    static final DataSchema KERNEL_VERSION = DataSchema.of(
            required("version", integer()),
            required("patchlevel", integer()),
            optional("sublevel", integer()),
            optional("extra", string()),
            optional("name", string()));

    static final DataSchema REVISION = DataSchema.of(
            required("tree", string()),
            required("url", url()),
            required("branch", string()),
            required("commit", string()),
            optional("describe", string()),
            optional("version", KERNEL_VERSION),
            optional("patchset", string()),
            optional("commit_tags", list(string())),
            optional("commit_message", string()),
            optional("tip_of_branch", bool()));

    static final DataSchema CHECKOUT = DataSchema.of(
            optional("kernel_revision", REVISION),
            optional("error_code", oneOf(CHECKOUT_ERROR_CODES)),
            optional("error_msg", string()),
            optional("architecture_filter", list(string())));

    static final DataSchema KBUILD = DataSchema.of(
            optional("kernel_revision", REVISION),
            optional("arch", string()),
            optional("defconfig", string()),
            optional("compiler", string()),
            optional("error_code", oneOf(ERROR_CODES)),
            optional("error_msg", string()),
            optional("fragments", list(string())),
            optional("config_full", string()),
            optional("platform", string()),
            optional("runtime", string()),
            optional("job_id", string()),
            optional("job_context", string()),
            optional("kernel_type", string()),
            optional("regression", objectId()));

    static final DataSchema TEST = DataSchema.of(
            optional("error_code", oneOf(ERROR_CODES)),
            optional("error_msg", string()),
            optional("test_source", url()),
            optional("test_revision", REVISION),
            optional("platform", string()),
            optional("device", string()),
            optional("runtime", string()),
            optional("job_id", string()),
            optional("job_context", string()),
            optional("regression", objectId()),
            optional("kernel_revision", REVISION),
            optional("arch", string()),
            optional("defconfig", string()),
            optional("config_full", string()),
            optional("compiler", string()),
            optional("kernel_type", string()),
            optional("misc", object()));

    static final DataSchema REGRESSION = DataSchema.of(
            optional("fail_node", objectId()),
            optional("pass_node", objectId()),
            optional("node_sequence", list(objectId())),
            optional("error_code", oneOf(ERROR_CODES)),
            optional("error_msg", string()),
            optional("failed_kernel_revision", REVISION),
            optional("arch", string()),
            optional("defconfig", string()),
            optional("config_full", string()),
            optional("compiler", string()),
            optional("platform", string()),
            optional("device", string()));

    static final DataSchema PATCHSET = DataSchema.of(
            optional("kernel_revision", REVISION),
            optional("error_code", oneOf(union(CHECKOUT_ERROR_CODES, ERROR_CODES))),
            optional("error_msg", string()),
            optional("architecture_filter", list(string())));

    /** Kind → schema of its data; {@code null} means free-form data (and null data allowed). */
    private static final Map<String, DataSchema> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("checkout", CHECKOUT);
        SCHEMAS.put("kbuild", KBUILD);
        SCHEMAS.put("test", TEST);
        SCHEMAS.put("job", TEST);
        SCHEMAS.put("process", null);
        SCHEMAS.put("regression", REGRESSION);
        SCHEMAS.put("node", null);
        SCHEMAS.put("patchset", PATCHSET);
    }

    private NodeKinds() {
    }

    /** Every kind a node may be written with. */
    public static Set<String> all() {
        return SCHEMAS.keySet();
    }

    /** 400 {@code Unsupported node kind: X}, or 400 listing every problem of the node's {@code data}. */
    public static void validate(String kind, Map<String, Object> data) {
        if (!SCHEMAS.containsKey(kind)) {
            throw new BadRequestException("Unsupported node kind: " + kind);
        }
        DataSchema schema = SCHEMAS.get(kind);
        if (schema == null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        if (data == null) {
            errors.add("data: Input should be a valid dictionary");
        } else {
            schema.check(data, "data", errors);
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors.size() + " validation error" + (errors.size() == 1 ? "" : "s")
                    + " for a " + kind + " node: " + String.join("; ", errors));
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
