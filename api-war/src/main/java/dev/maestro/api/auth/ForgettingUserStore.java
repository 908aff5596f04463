package dev.maestro.api.auth;

import com.mongodb.client.MongoDatabase;
import dev.maestro.user.User;
import dev.maestro.user.UserStore;
import java.util.Optional;

/**
 * The API's user collection: every write also drops the user from {@link RecentUsers}, so that
 * a change made through this instance (deletion, deactivation, demotion, new groups) holds for
 * the user's very next request here.
 */
public class ForgettingUserStore extends UserStore {
    private final RecentUsers recent;

    public ForgettingUserStore(MongoDatabase db, RecentUsers recent) {
        super(db);
        this.recent = recent;
    }

    @Override
    public boolean update(User before, User after) {
        try {
            return super.update(before, after);
        } finally {
            recent.forget(after.id());
        }
    }

    @Override
    public boolean replacePassword(String id, String expected, String replacement) {
        try {
            return super.replacePassword(id, expected, replacement);
        } finally {
            recent.forget(id);
        }
    }

    @Override
    public Optional<User> acceptInvitation(String id, String email, String hashedPassword) {
        try {
            return super.acceptInvitation(id, email, hashedPassword);
        } finally {
            recent.forget(id);
        }
    }

    @Override
    public Optional<User> markVerified(String id, String email) {
        try {
            return super.markVerified(id, email);
        } finally {
            recent.forget(id);
        }
    }

    @Override
    public boolean delete(String id) {
        try {
            return super.delete(id);
        } finally {
            recent.forget(id);
        }
    }
}
