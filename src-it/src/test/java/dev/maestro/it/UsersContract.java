package dev.maestro.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maestro.it.support.Registrations;
import dev.maestro.it.support.Registrations.Account;
import dev.maestro.testsupport.ApiClient;
import dev.maestro.testsupport.ApiResponse;
import dev.maestro.it.support.TestUsers;
import dev.maestro.it.support.TestUsers.TestUser;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Registration, a user's own profile, reading and listing users, and password change by form. */
public interface UsersContract extends ApiContract {
    List<String> USER_READ_KEYS = List.of("id", "email", "is_active", "is_superuser", "is_verified", "username", "groups");

    private long countUsers(String filter) {
        return ((Number) admin().get("/latest/users?" + filter).map().get("total")).longValue();
    }

    @Test
    default void registerReturns201UserReadWithFastapiUsersDefaults() {
        String group = TestUsers.group(TestUsers.unique("reg-team")).name();
        Map<String, Object> body = Registrations.registration("reg");
        body.put("groups", List.of(group));
        ApiResponse r = admin().post("/latest/user/register", body);
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.map().keySet()).containsExactlyElementsOf(USER_READ_KEYS);
        assertThat(r.map()).containsEntry("username", body.get("username")).containsEntry("email", body.get("email"))
                .containsEntry("is_active", true).containsEntry("is_superuser", false).containsEntry("is_verified", false)
                .doesNotContainKey("hashed_password").doesNotContainKey("password");
        assertThat((List<?>) r.map().get("groups")).singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("name", group).containsKey("id");
    }

    @Test
    default void registerIsForAdminsOnlyAndStoresNothingOtherwise() {
        TestUser plain = TestUsers.create(api(), "plain");
        Map<String, Object> body = Registrations.registration("sneaky");
        ApiResponse anonymous = api().post("/latest/user/register", body);
        ApiResponse user = api().as(plain.token()).post("/user/register", body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.detail()).isEqualTo("Unauthorized");
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.detail()).isEqualTo("Forbidden");
        assertThat(countUsers("username=" + body.get("username"))).isZero();
    }

    @Test
    default void registerRefusesTakenNamesAndAddressesWithFastapiUsersCode() {
        Account first = Registrations.register(admin(), "taken");
        Map<String, Object> sameName = Registrations.registration("other");
        sameName.put("username", first.username());
        Map<String, Object> sameEmail = Registrations.registration("other");
        sameEmail.put("email", first.email().toUpperCase());
        for (Map<String, Object> body : List.of(sameName, sameEmail)) {
            ApiResponse r = admin().post("/latest/user/register", body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.detail()).isEqualTo("REGISTER_USER_ALREADY_EXISTS");
        }
        assertThat(countUsers("username=" + first.username())).isEqualTo(1);
        assertThat(countUsers("username=" + sameEmail.get("username"))).isZero();
    }

    @Test
    default void registerWithAnUnknownGroupIs400AndStoresNothing() {
        Map<String, Object> body = Registrations.registration("nogroup");
        String missing = TestUsers.unique("no-such-group");
        body.put("groups", List.of(missing));
        ApiResponse r = admin().post("/latest/user/register", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).isEqualTo("User group does not exist with name: " + missing);
        assertThat(countUsers("username=" + body.get("username"))).isZero();
    }

    @Test
    default void malformedRegistrationsAre422ListingTheFieldsAndStoreNothing() {
        ApiResponse missing = admin().post("/latest/user/register", Map.of("email", "x@example.org"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.list("detail")).extracting(e -> (Object) ((Map<?, ?>) e).get("loc"))
                .containsExactlyInAnyOrder(List.of("body", "password"), List.of("body", "username"));
        Map<String, Object> badEmail = Registrations.registration("bademail");
        badEmail.put("email", "not-an-address");
        Map<String, Object> badTypes = Registrations.registration("badtypes");
        badTypes.put("is_superuser", "sometimes");
        badTypes.put("groups", List.of("a", "a"));
        for (Object body : List.of(badEmail, badTypes, "{not json", "[1, 2]", "")) {
            ApiResponse r = admin().post("/latest/user/register", body);
            assertThat(r.status()).as(String.valueOf(body)).isEqualTo(422);
            assertThat(r.detail()).as(String.valueOf(body)).isInstanceOf(List.class);
        }
        assertThat(countUsers("username=" + badEmail.get("username"))).isZero();
        assertThat(countUsers("username=" + badTypes.get("username"))).isZero();
    }

    @Test
    default void aRegisteredUserLogsInOnceVerified() {
        Account a = Registrations.register(admin(), "newbie");
        ApiResponse before = api().postForm("/latest/user/login", Map.of("username", a.username(), "password", a.password()));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.detail()).isEqualTo("LOGIN_USER_NOT_VERIFIED");
        assertThat(admin().patch("/latest/user/" + a.id(), Map.of("is_verified", true)).status()).isEqualTo(200);
        String token = api().login(a.username(), a.password());
        assertThat(api().as(token).get("/latest/whoami").map()).containsEntry("username", a.username());
    }

    @Test
    default void getUserShowsTheEmailOnlyToThatUserAndAdmins() {
        TestUser alice = TestUsers.create(api(), "alice");
        TestUser bob = TestUsers.create(api(), "bob");
        ApiResponse byBob = api().as(bob.token()).get("/latest/user/" + alice.id());
        assertThat(byBob.status()).isEqualTo(200);
        assertThat(byBob.map().keySet()).containsExactlyElementsOf(USER_READ_KEYS);
        assertThat(byBob.map()).containsEntry("username", alice.username()).containsEntry("email", null);
        assertThat(api().as(alice.token()).get("/user/" + alice.id()).map()).containsEntry("email", alice.user().email());
        assertThat(admin().get("/latest/user/" + alice.id()).map()).containsEntry("email", alice.user().email());
        assertThat(api().get("/latest/user/" + alice.id()).status()).isEqualTo(401);
    }

    @Test
    default void unknownOrMalformedUserIdsArePlain404() {
        TestUser u = TestUsers.create(api(), "reader");
        for (String id : new String[] {"0123456789abcdef01234567", "not-an-id", "me"}) {
            ApiResponse r = api().as(u.token()).get("/latest/user/" + id);
            assertThat(r.status()).as(id).isEqualTo(404);
            assertThat(r.detail()).as(id).isEqualTo("Not Found");
        }
    }

    @Test
    default void usersArePaginatedAndFilteredExactly() {
        String tag = TestUsers.unique("page");
        String group = TestUsers.group(tag).name();
        for (int i = 0; i < 3; i++) {
            TestUsers.create(api(), "member", group);
        }
        TestUser viewer = TestUsers.create(api(), "viewer");
        ApiClient asViewer = api().as(viewer.token());
        Map<String, Object> page = asViewer.get("/latest/users?groups.name=" + tag + "&limit=2&offset=1").map();
        assertThat(page.keySet()).containsExactly("items", "total", "limit", "offset");
        assertThat(page).containsEntry("total", 3).containsEntry("limit", 2).containsEntry("offset", 1);
        assertThat((List<?>) page.get("items")).hasSize(2).allSatisfy(item -> assertThat(item)
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("email", null)
                .containsEntry("is_verified", true).doesNotContainKey("hashed_password"));
        assertThat(asViewer.get("/users?groups.name=" + tag + "&is_superuser=FALSE").map()).containsEntry("total", 3);
        assertThat(asViewer.get("/users?groups.name=" + tag + "&is_superuser=true").map()).containsEntry("total", 0);
        assertThat(asViewer.get("/users?username=" + viewer.username()).map()).containsEntry("limit", 50).containsEntry("offset", 0);
    }

    @Test
    default void badPaginationIs422AndBadFiltersAre4xx() {
        TestUser u = TestUsers.create(api(), "pager");
        ApiClient as = api().as(u.token());
        for (String query : new String[] {"limit=0", "offset=-1", "limit=ten", "offset=1.5"}) {
            ApiResponse r = as.get("/latest/users?" + query);
            assertThat(r.status()).as(query).isEqualTo(422);
            assertThat(r.list("detail")).as(query).singleElement()
                    .satisfies(e -> assertThat(((Map<?, ?>) e).get("loc")).isEqualTo(List.of("query", query.split("=")[0])));
        }
        assertThat(as.get("/latest/users?%24where=1").status()).isEqualTo(400);
        assertThat(admin().get("/latest/users?hashed_password=x").status()).isEqualTo(400);
    }

    @Test
    default void onlyAdminsFilterUsersByEmail() {
        TestUser u = TestUsers.create(api(), "prober");
        ApiResponse probe = api().as(u.token()).get("/latest/users?email=" + Registrations.q(u.user().email()));
        assertThat(probe.status()).isEqualTo(403);
        assertThat(probe.detail()).isEqualTo("Only admins can filter users by email");
        assertThat(admin().get("/latest/users?email=" + Registrations.q(u.user().email())).map()).containsEntry("total", 1);
        assertThat(api().get("/latest/users").status()).isEqualTo(401);
    }

    @Test
    default void patchMeChangesNameAddressAndPasswordButNotFlagsOrGroups() {
        TestUser u = TestUsers.create(api(), "selfie");
        ApiClient as = api().as(u.token());
        String newName = TestUsers.unique("renamed");
        ApiResponse r = as.patch("/latest/user/me", Map.of("username", newName, "password", "new-secret",
                "is_superuser", true, "is_active", false, "is_verified", false));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.map().keySet()).containsExactlyElementsOf(USER_READ_KEYS);
        assertThat(r.map()).containsEntry("username", newName).containsEntry("is_superuser", false)
                .containsEntry("is_active", true).containsEntry("is_verified", true).containsEntry("email", u.user().email());
        api().login(newName, "new-secret");
        ApiResponse groups = as.patch("/latest/user/me", Map.of("groups", List.of("anything")));
        assertThat(groups.status()).isEqualTo(400);
        assertThat(groups.detail()).isEqualTo("User groups can only be updated by an admin user");
        assertThat(as.patch("/user/me", Map.of()).status()).isEqualTo(200);
    }

    @Test
    default void patchMeRefusesNamesAndAddressesOfOthers() {
        TestUser u = TestUsers.create(api(), "me");
        TestUser other = TestUsers.create(api(), "other");
        ApiClient as = api().as(u.token());
        ApiResponse name = as.patch("/latest/user/me", Map.of("username", other.username()));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.detail()).isEqualTo("Username already exists: " + other.username());
        ApiResponse email = as.patch("/latest/user/me", Map.of("email", other.user().email()));
        assertThat(email.status()).isEqualTo(400);
        assertThat(email.detail()).isEqualTo("UPDATE_USER_EMAIL_ALREADY_EXISTS");
        ApiResponse invalid = as.patch("/latest/user/me", Map.of("email", "nope", "username", 5));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(as.get("/latest/whoami").map()).containsEntry("username", u.username()).containsEntry("email", u.user().email());
        assertThat(api().patch("/latest/user/me", Map.of("username", "x")).status()).isEqualTo(401);
    }

    @Test
    default void aNewAddressMustBeVerifiedAgain() {
        TestUser u = TestUsers.create(api(), "mover");
        ApiClient as = api().as(u.token());
        ApiResponse moved = as.patch("/latest/user/me", Map.of("email", "new-" + u.user().email()));
        assertThat(moved.map()).containsEntry("is_verified", false).containsEntry("email", "new-" + u.user().email());
        assertThat(as.get("/latest/whoami").status()).isEqualTo(403);
        ApiResponse login = api().postForm("/latest/user/login", Map.of("username", u.username(), "password", u.password()));
        assertThat(login.detail()).isEqualTo("LOGIN_USER_NOT_VERIFIED");
        assertThat(as.patch("/latest/user/me", Map.of("username", u.username())).status()).isEqualTo(200);
    }

    @Test
    default void updatePasswordByFormChecksTheCurrentOne() {
        TestUser u = TestUsers.create(api(), "formpw");
        ApiResponse wrong = api().postForm("/latest/user/update-password",
                Map.of("username", u.username(), "password", "wrong", "new_password", "next"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.detail()).isEqualTo("LOGIN_BAD_CREDENTIALS");
        ApiResponse missing = api().postForm("/latest/user/update-password", Map.of("username", u.username(), "password", u.password()));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("new_password");
        ApiResponse blank = api().postForm("/latest/user/update-password",
                Map.of("username", u.username(), "password", u.password(), "new_password", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.detail()).isEqualTo(Map.of("code", "UPDATE_USER_INVALID_PASSWORD", "reason", "Password must not be empty or blank"));
        ApiResponse ok = api().postForm("/latest/user/update-password",
                Map.of("username", u.username(), "password", u.password(), "new_password", "next"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("null");
        api().login(u.username(), "next");
    }

    @Test
    default void everyUserAndGroupRouteIsInTheOpenApiDocument() {
        String doc = api().get("/openapi").body();
        for (String path : new String[] {"/user/register", "/user/me", "/user/{id}", "/users", "/user/forgot-password",
                "/user/reset-password", "/user/update-password", "/user/request-verify-token", "/user/verify",
                "/user-groups", "/user-groups/{id}", "/group", "/groups", "/group/{id}"}) {
            assertThat(doc).as(path).contains(path + ":");
        }
        assertThat(doc).contains("UserRead").contains("UserCreate").contains("is_superuser");
    }
}
