package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.BadRequestException;
import dev.maestro.error.ConflictException;
import dev.maestro.error.NotFoundException;
import dev.maestro.error.ValidationException;
import dev.maestro.store.PageRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupServiceTest {
    @RegisterExtension
    static final Accounts accounts = new Accounts();
    private static final GroupService groups = accounts.groups;

    @Test
    void createGetListAndDelete() {
        String name = Accounts.unique("team");
        GroupRef g = groups.create(Map.of("name", name));
        assertThat(groups.get(g.id())).isEqualTo(g);
        assertThat(groups.list(PageRequest.from(Map.of("name", name))).items()).containsExactly(g);
        groups.delete(g.id());
        assertThatThrownBy(() -> groups.get(g.id())).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.getMessage()).isEqualTo("User group not found with id: " + g.id()));
    }

    @Test
    void duplicateAndBlankNamesAreRefused() {
        String name = Accounts.unique("dup");
        groups.create(Map.of("name", name));
        assertThatThrownBy(() -> groups.create(Map.of("name", name))).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.getMessage()).isEqualTo("User group already exists with name: " + name));
        assertThatThrownBy(() -> groups.create(Map.of("name", ""))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> groups.create(Map.of())).isInstanceOf(ValidationException.class);
    }

    @Test
    void malformedIdsAre400() {
        assertThatThrownBy(() -> groups.get("nope")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> groups.delete("nope")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void aGroupInUseCannotBeDeleted() {
        String name = Accounts.unique("used");
        GroupRef g = groups.create(Map.of("name", name));
        accounts.create("member", "pw", true, false, name);
        assertThatThrownBy(() -> groups.delete(g.id())).isInstanceOf(ConflictException.class);
        assertThat(groups.get(g.id())).isEqualTo(g);
    }

    @Test
    void ensureExistsIsIdempotent() {
        String name = Accounts.unique("builtin");
        groups.ensureExists(name);
        groups.ensureExists(name);
        assertThat(groups.list(PageRequest.from(Map.of("name", name))).total()).isEqualTo(1);
    }

    @Test
    void resolveKeepsOrderAndNamesTheUnknownGroup() {
        String a = Accounts.unique("a");
        String b = Accounts.unique("b");
        groups.create(Map.of("name", a));
        groups.create(Map.of("name", b));
        assertThat(groups.resolve(List.of(b, a))).extracting(GroupRef::name).containsExactly(b, a);
        assertThatThrownBy(() -> groups.resolve(List.of(a, "ghost"))).isInstanceOfSatisfying(BadRequestException.class,
                e -> assertThat(e.getMessage()).isEqualTo("User group does not exist with name: ghost"));
    }
}
