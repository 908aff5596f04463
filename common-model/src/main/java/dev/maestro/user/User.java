package dev.maestro.user;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user account. {@code hashedPassword} never leaves the server. */
public record User(String id, String email, String username, String hashedPassword,
                   boolean active, boolean superuser, boolean verified, List<GroupRef> groups) {

    public boolean inGroup(String groupName) {
        return groups.stream().anyMatch(g -> g.name().equals(groupName));
    }

    /** The roles put in the token: {@code user} for everyone, {@code admin} for superusers. */
    public List<String> roles() {
        return superuser ? List.of("user", "admin") : List.of("user");
    }

    /** A superuser who can log in and act: active and verified. The server always keeps one. */
    public boolean workingAdmin() {
        return superuser && active && verified;
    }

    public User withHashedPassword(String hash) {
        return new User(id, email, username, hash, active, superuser, verified, groups);
    }

    /** KernelCI's UserRead, keys in its order: id, email, is_active, is_superuser, is_verified, username, groups. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("email", email);
        m.put("is_active", active);
        m.put("is_superuser", superuser);
        m.put("is_verified", verified);
        m.put("username", username);
        m.put("groups", groups.stream().map(GroupRef::toJson).toList());
        return m;
    }

    /**
     * UserRead as {@code viewer} may see it: the e-mail address only for the user and for admins
     * (others get {@code null}, keeping KernelCI's keys and their order).
     */
    public Map<String, Object> toJsonFor(User viewer) {
        Map<String, Object> m = toJson();
        if (!viewer.superuser() && !viewer.id().equals(id)) {
            m.put("email", null);
        }
        return m;
    }
}
