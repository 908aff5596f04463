package dev.maestro.security;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.maestro.store.ScaleOutCollections;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * The one token key pair of a deployment, kept in MongoDB so that every instance on that database
 * signs and verifies with the same pair, with no file to copy. The first instance to start stores
 * its pair (the one already in its key directory, so tokens it issued stay valid, or a new one);
 * the store is an insert on a fixed {@code _id}, so among instances starting together exactly one
 * wins and the others take the winner's. Each instance then writes the pair into its own key
 * directory, where the API reads the public half to check tokens.
 */
public final class SharedTokenKeys {
    static final String ID = "token-signing-key";
    private static final Logger LOG = Logger.getLogger(SharedTokenKeys.class.getName());

    private SharedTokenKeys() {
    }

    /** Makes {@code dir} hold the deployment's pair, storing this one in MongoDB if none is there yet. */
    public static Path syncInto(MongoDatabase db, Path dir) {
        MongoCollection<Document> keys = db.getCollection(ScaleOutCollections.SHARED_KEYS);
        Optional<KeyFiles.PemPair> local = KeyFiles.read(dir);
        KeyFiles.PemPair shared = stored(keys).orElseGet(() -> storeOrTakeWinner(keys, local.orElseGet(KeyFiles::generate)));
        if (!local.equals(Optional.of(shared))) {
            if (local.isPresent()) {
                LOG.warning("The token key pair in " + dir + " differs from the deployment's (in MongoDB): replaced;"
                        + " tokens signed with the old pair are no longer accepted");
            }
            KeyFiles.write(dir, shared);
        }
        return dir;
    }

    private static Optional<KeyFiles.PemPair> stored(MongoCollection<Document> keys) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", ID)).first())
                .map(d -> new KeyFiles.PemPair(d.getString("private_key"), d.getString("public_key")));
    }

    private static KeyFiles.PemPair storeOrTakeWinner(MongoCollection<Document> keys, KeyFiles.PemPair mine) {
        try {
            keys.insertOne(new Document("_id", ID).append("private_key", mine.privatePem())
                    .append("public_key", mine.publicPem()).append("created", new Date()));
            return mine;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return stored(keys).orElseThrow(() -> new IllegalStateException("The shared token key pair vanished while being read"));
        }
    }
}
