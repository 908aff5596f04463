package dev.maestro.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
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
        return Optional.ofNullable(users.find(Filters.eq("_id", new ObjectId(id))).first()).map(UserStore::fromDocument);
    }

    public Optional<User> findByUsername(String username) {
        return Optional.ofNullable(users.find(Filters.eq("username", username)).first()).map(UserStore::fromDocument);
    }

    public boolean anySuperuser() {
        return users.find(Filters.eq("is_superuser", true)).first() != null;
    }

    /** Inserts a new user and returns it with its id. Duplicate keys surface as MongoWriteException 11000. */
    public User insert(User user) {
        Document doc = toDocument(user);
        doc.remove("_id");
        users.insertOne(doc);
        return fromDocument(doc);
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
