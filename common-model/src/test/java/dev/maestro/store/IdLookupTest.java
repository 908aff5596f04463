package dev.maestro.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdLookupTest {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    commands.add(event.getCommandName());
                }
            }).build());

    @AfterEach
    void stop() {
        client.close();
        server.shutdown();
    }

    @Test
    void findsWhetherAnIdIsStoredWithOneLimitedFind() {
        MongoCollection<Document> nodes = client.getDatabase("db").getCollection("node");
        ObjectId stored = new ObjectId();
        nodes.insertOne(new Document("_id", stored).append("kind", "checkout"));
        nodes.insertOne(new Document("_id", "text-id"));
        commands.clear();

        assertThat(IdLookup.exists(nodes, stored)).isTrue();
        assertThat(IdLookup.exists(nodes, "text-id")).isTrue();
        assertThat(IdLookup.exists(nodes, new ObjectId())).isFalse();
        assertThat(IdLookup.exists(nodes, stored.toHexString())).as("an id's text is not the id").isFalse();
        assertThat(commands).as("no aggregation, which reads every document there").containsOnly("find");
    }
}
