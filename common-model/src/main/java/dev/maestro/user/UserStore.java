package dev.maestro.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** The {@code user} collection, with KernelCI's document shape. */
public class UserStore {
    private final MongoCollection<Document> users;

    public UserStore(MongoDatabase db) {
        this.users = db.getCollection("user");
    }

    public void createIndexes() {
        users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        users.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
    }

    public Optional<User> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return first(byId(id));
    }

    public Optional<User> findByUsername(String username) {
        return first(Filters.eq("username", username));
    }

    /** By e-mail address, ignoring case as KernelCI's auth library does. */
    public Optional<User> findByEmail(String email) {
        return first(Filters.regex("email", Pattern.compile("^" + Pattern.quote(email) + "$", Pattern.CASE_INSENSITIVE)));
    }

    public boolean anySuperuser() {
        return users.find(Filters.eq("is_superuser", true)).first() != null;
    }

    /** Whether a superuser other than {@code userId} is active and verified (see {@link User#workingAdmin()}). */
    public boolean anyOtherWorkingAdmin(String userId) {
        return users.find(Filters.and(Filters.ne("_id", new ObjectId(userId)), Filters.eq("is_superuser", true),
                Filters.ne("is_active", false), Filters.eq("is_verified", true))).first() != null;
    }

    public boolean anyInGroup(String groupName) {
        return users.find(Filters.eq("groups.name", groupName)).first() != null;
    }

    public Page<User> find(Bson filter, PageRequest page) {
        return Page.of(users, filter, page, UserStore::fromDocument);
    }

    /** Inserts a new user and returns it with its id. Duplicate keys surface as MongoWriteException 11000. */
    public User insert(User user) {
        Document doc = toDocument(user);
        doc.remove("_id");
        users.insertOne(doc);
        return fromDocument(doc);
    }

    /**
     * Writes the fields in which {@code after} differs from {@code before}, and only those, so
     * that a concurrent change to another field (a password reset during a profile edit) is
     * not overwritten. False when the user no longer exists.
     */
    public boolean update(User before, User after) {
        Document old = toDocument(before);
        Document set = new Document();
        toDocument(after).forEach((field, value) -> {
            if (!Objects.equals(value, old.get(field))) {
                set.append(field, value);
            }
        });
        if (set.isEmpty()) {
            return findById(after.id()).isPresent();
        }
        return users.updateOne(byId(after.id()), new Document("$set", set)).getMatchedCount() == 1;
    }

    /** Sets a new password hash only if the current one is still {@code expected}: single use of a reset token. */
    public boolean replacePassword(String id, String expected, String replacement) {
        return users.updateOne(Filters.and(byId(id), Filters.eq("hashed_password", expected)),
                Updates.set("hashed_password", replacement)).getModifiedCount() == 1;
    }

    /**
     * An invitation accepted: the password set and the user verified, only if the user is still
     * unverified at {@code email} (an invitation works once); the updated user, or empty.
     */
    public Optional<User> acceptInvitation(String id, String email, String hashedPassword) {
        return Optional.ofNullable(users.findOneAndUpdate(
                Filters.and(byId(id), Filters.eq("email", email), Filters.eq("is_verified", false)),
                Updates.combine(Updates.set("hashed_password", hashedPassword), Updates.set("is_verified", true)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))).map(UserStore::fromDocument);
    }

    /** Marks the user verified if the address is still {@code email}; the updated user, or empty. */
    public Optional<User> markVerified(String id, String email) {
        return Optional.ofNullable(users.findOneAndUpdate(Filters.and(byId(id), Filters.eq("email", email)),
                Updates.set("is_verified", true), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(UserStore::fromDocument);
    }

    public boolean delete(String id) {
        return ObjectId.isValid(id) && users.deleteOne(byId(id)).getDeletedCount() == 1;
    }

    private Optional<User> first(Bson filter) {
        return Optional.ofNullable(users.find(filter).first()).map(UserStore::fromDocument);
    }

    private static Bson byId(String id) {
        return Filters.eq("_id", new ObjectId(id));
    }

    static Document toDocument(User u) {
        List<Document> groups = new ArrayList<>();
        for (GroupRef g : u.groups()) {
            groups.add(new Document("_id", new ObjectId(g.id())).append("name", g.name()));
        }
        Document d = new Document();
        if (u.id() != null) {
            d.append("_id", new ObjectId(u.id()));
        }
        return d.append("email", u.email())
                .append("hashed_password", u.hashedPassword())
                .append("is_active", u.active())
                .append("is_superuser", u.superuser())
                .append("is_verified", u.verified())
                .append("username", u.username())
                .append("groups", groups);
    }

    static User fromDocument(Document d) {
        List<GroupRef> groups = new ArrayList<>();
        for (Document g : d.getList("groups", Document.class, List.of())) {
            Object gid = g.get("_id") != null ? g.get("_id") : g.get("id");
            groups.add(new GroupRef(String.valueOf(gid), g.getString("name")));
        }
        return new User(d.getObjectId("_id").toHexString(), d.getString("email"), d.getString("username"),
                d.getString("hashed_password"), d.getBoolean("is_active", true), d.getBoolean("is_superuser", false),
                d.getBoolean("is_verified", false), groups);
    }
}
