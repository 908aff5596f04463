package dev.maestro.node;

import dev.maestro.error.ForbiddenException;
import dev.maestro.user.User;

/**
 * Who may change a node (KernelCI's rules): a superuser; its owner; a member of
 * {@code node:edit:any}; a member of any group listed in the node's {@code user_groups}; or,
 * when {@code data.runtime} is set, a member of {@code runtime:<runtime>:node-editor} or
 * {@code runtime:<runtime>:node-admin}. Anyone else gets 403 (KernelCI answers 401).
 */
public final class NodeEditRights {
    public static final String EDIT_ANY_GROUP = "node:edit:any";
    public static final String DENIED = "Unauthorized to complete the operation";

    private NodeEditRights() {
    }

    public static boolean mayEdit(User user, Node node) {
        if (user.superuser()) {
            return true;
        }
        if (node.owner() != null && node.owner().equals(user.username())) {
            return true;
        }
        if (user.inGroup(EDIT_ANY_GROUP)) {
            return true;
        }
        if (node.userGroups() != null && node.userGroups().stream().anyMatch(user::inGroup)) {
            return true;
        }
        String runtime = node.runtime();
        return runtime != null
                && (user.inGroup("runtime:" + runtime + ":node-editor") || user.inGroup("runtime:" + runtime + ":node-admin"));
    }

    /** 403 {@code Unauthorized to complete the operation} unless {@code user} may edit {@code node}. */
    public static void require(User user, Node node) {
        if (!mayEdit(user, node)) {
            throw new ForbiddenException(DENIED);
        }
    }
}
