package dev.maestro.node;

import static dev.maestro.node.TestNodes.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.ForbiddenException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEditRightsTest {
    private final Node owned = Node.builder().kind("job").name("baseline").path(List.of("baseline"))
            .owner("alice").userGroups(List.of("team-a")).data(Map.of("runtime", "lava-collabora")).build();

    @Test
    void ownerMayEdit() {
        assertThat(NodeEditRights.mayEdit(user("alice"), owned)).isTrue();
    }

    @Test
    void superuserMayEditAnything() {
        assertThat(NodeEditRights.mayEdit(user("root", true), owned)).isTrue();
    }

    @Test
    void memberOfEditAnyMayEdit() {
        assertThat(NodeEditRights.mayEdit(user("bot", "node:edit:any"), owned)).isTrue();
    }

    @Test
    void memberOfAListedUserGroupMayEdit() {
        assertThat(NodeEditRights.mayEdit(user("bob", "team-a"), owned)).isTrue();
        assertThat(NodeEditRights.mayEdit(user("carol", "team-b"), owned)).isFalse();
    }

    @Test
    void runtimeEditorsAndAdminsMayEditNodesOfTheirRuntime() {
        assertThat(NodeEditRights.mayEdit(user("lab", "runtime:lava-collabora:node-editor"), owned)).isTrue();
        assertThat(NodeEditRights.mayEdit(user("lab", "runtime:lava-collabora:node-admin"), owned)).isTrue();
        assertThat(NodeEditRights.mayEdit(user("lab", "runtime:lava-other:node-editor"), owned)).isFalse();
        Node noRuntime = owned.toBuilder().data(Map.of()).build();
        assertThat(NodeEditRights.mayEdit(user("lab", "runtime::node-editor"), noRuntime)).isFalse();
    }

    @Test
    void anyoneElseGets403WithKernelCisWording() {
        assertThat(NodeEditRights.mayEdit(user("mallory"), owned)).isFalse();
        assertThatThrownBy(() -> NodeEditRights.require(user("mallory"), owned))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Unauthorized to complete the operation")
                .extracting(e -> ((ForbiddenException) e).status()).isEqualTo(403);
    }

    @Test
    void aNodeWithoutOwnerIsNotEditableByAnOrdinaryUser() {
        Node orphan = owned.toBuilder().owner(null).userGroups(List.of()).data(null).build();
        assertThat(NodeEditRights.mayEdit(user("alice"), orphan)).isFalse();
    }
}
