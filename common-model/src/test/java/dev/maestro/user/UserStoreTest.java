package dev.maestro.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import dev.maestro.store.ExactMatch;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserStoreTest {
    @RegisterExtension
    static final Accounts accounts = new Accounts();
    private static final UserStore users = accounts.users;

    private static User insert(String name) {
        return users.insert(new User(null, name + "@Example.org", name, "hash-" + name, true, false, false, List.of()));
    }

    @Test
    void emailLookupIgnoresCaseAndTreatsTheAddressLiterally() {
        User u = insert(Accounts.unique("case"));
        assertThat(users.findByEmail(u.username().toUpperCase() + "@EXAMPLE.ORG")).map(User::id).contains(u.id());
        assertThat(users.findByEmail(".*@example.org")).isEmpty();
        assertThat(users.findByEmail(u.username() + "@example.or")).isEmpty();
    }

    @Test
    void usernamesAndEmailsAreUnique() {
        User u = insert(Accounts.unique("uniq"));
        assertThatThrownBy(() -> users.insert(new User(null, "other@example.org", u.username(), "h", true, false, false, List.of())))
                .isInstanceOf(MongoWriteException.class);
        assertThatThrownBy(() -> users.insert(new User(null, u.email(), "other-" + u.username(), "h", true, false, false, List.of())))
                .isInstanceOf(MongoWriteException.class);
    }

    @Test
    void updateWritesOnlyWhatChangedSoAConcurrentPasswordChangeSurvives() {
        User before = insert(Accounts.unique("partial"));
        assertThat(users.replacePassword(before.id(), before.hashedPassword(), "changed-meanwhile")).isTrue();
        User renamed = new User(before.id(), before.email(), before.username() + "-x", before.hashedPassword(),
                before.active(), before.superuser(), before.verified(), before.groups());
        assertThat(users.update(before, renamed)).isTrue();
        User after = users.findById(before.id()).orElseThrow();
        assertThat(after.username()).isEqualTo(before.username() + "-x");
        assertThat(after.hashedPassword()).isEqualTo("changed-meanwhile");
    }

    @Test
    void updateOfAMissingUserSaysSo() {
        User gone = insert(Accounts.unique("gone"));
        users.delete(gone.id());
        assertThat(users.update(gone, gone.withHashedPassword("x"))).isFalse();
        assertThat(users.update(gone, gone)).isFalse();
    }

    @Test
    void replacePasswordIsACompareAndSet() {
        User u = insert(Accounts.unique("cas"));
        assertThat(users.replacePassword(u.id(), u.hashedPassword(), "first")).isTrue();
        assertThat(users.replacePassword(u.id(), u.hashedPassword(), "second")).isFalse();
        assertThat(users.findById(u.id()).orElseThrow().hashedPassword()).isEqualTo("first");
    }

    @Test
    void markVerifiedOnlyWhileTheAddressIsUnchanged() {
        User u = insert(Accounts.unique("verify"));
        assertThat(users.markVerified(u.id(), "someone-else@example.org")).isEmpty();
        assertThat(users.findById(u.id()).orElseThrow().verified()).isFalse();
        assertThat(users.markVerified(u.id(), u.email())).map(User::verified).contains(true);
    }

    @Test
    void deleteRemovesAndReportsWhetherThereWasSomething() {
        User u = insert(Accounts.unique("del"));
        assertThat(users.delete(u.id())).isTrue();
        assertThat(users.delete(u.id())).isFalse();
        assertThat(users.delete("not-an-id")).isFalse();
        assertThat(users.findById(u.id())).isEmpty();
    }

    @Test
    void groupMembershipIsFoundByName() {
        String groupName = Accounts.unique("team");
        User u = users.insert(new User(null, Accounts.unique("m") + "@example.org", Accounts.unique("member"), "h", true, false, false,
                List.of(accounts.groupStore.insert(groupName))));
        assertThat(users.anyInGroup(groupName)).isTrue();
        assertThat(users.anyInGroup(groupName + "-none")).isFalse();
        assertThat(users.findById(u.id()).orElseThrow().inGroup(groupName)).isTrue();
    }

    @Test
    void findFiltersExactlyAndPagesInInsertionOrder() {
        String tag = Accounts.unique("page");
        for (int i = 0; i < 5; i++) {
            users.insert(new User(null, tag + i + "@example.org", tag + "-" + i, "h", true, i % 2 == 0, false, List.of()));
        }
        Document filter = new Document("username", new Document("$regex", "^" + tag));
        Page<User> page = users.find(filter, new PageRequest(2, 1, Map.of()));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(User::username).containsExactly(tag + "-1", tag + "-2");
        Page<User> supers = users.find(ExactMatch.filter(Map.of("username", tag + "-2", "is_superuser", "true")),
                PageRequest.from(Map.of()));
        assertThat(supers.items()).extracting(User::username).containsExactly(tag + "-2");
        assertThat(page.toJson(User::username)).containsOnlyKeys("items", "total", "limit", "offset")
                .containsEntry("limit", 2).containsEntry("offset", 1);
    }
}
