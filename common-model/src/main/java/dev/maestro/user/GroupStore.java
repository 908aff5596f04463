package dev.maestro.user;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** The {@code usergroup} collection: {@code {_id, name}} with a unique name. */
public class GroupStore {
    private final MongoCollection<Document> groups;

    public GroupStore(MongoDatabase db) {
        this.groups = db.getCollection("usergroup");
    }

    public void createIndexes() {
        groups.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
    }

    public Optional<GroupRef> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(groups.find(Filters.eq("_id", new ObjectId(id))).first()).map(GroupStore::fromDocument);
    }

    public Optional<GroupRef> findByName(String name) {
        return Optional.ofNullable(groups.find(Filters.eq("name", name)).first()).map(GroupStore::fromDocument);
    }

    public Page<GroupRef> find(Bson filter, PageRequest page) {
        return Page.of(groups, filter, page, GroupStore::fromDocument);
    }

    /** Inserts a group; a duplicate name surfaces as MongoWriteException 11000. */
    public GroupRef insert(String name) {
        Document doc = new Document("_id", new ObjectId()).append("name", name);
        groups.insertOne(doc);
        return fromDocument(doc);
    }

    public boolean delete(String id) {
        return ObjectId.isValid(id) && groups.deleteOne(Filters.eq("_id", new ObjectId(id))).getDeletedCount() == 1;
    }

    static GroupRef fromDocument(Document d) {
        return new GroupRef(d.getObjectId("_id").toHexString(), d.getString("name"));
    }
}
