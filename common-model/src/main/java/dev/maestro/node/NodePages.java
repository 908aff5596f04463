package dev.maestro.node;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.MongoClientSettings;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.Page;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Pages of node queries ({@code GET /nodes}) kept in this instance and served again while no node
 * has changed since, on this instance or any other: a page then costs one read of a counter
 * document by id instead of its count and its find, which scan the matching nodes (on the
 * embedded MongoDB-wire server, every node; README, "Query pages").
 *
 * <p>What tells that nothing changed is the {@code node} channel's change count (its event
 * sequence plus its changes with a suppressed event, {@code EventLog.changeCount}): every node
 * write counts itself there after it is stored and before its writer returns. A page is kept with
 * the count read just before its queries ran, and served only while the count is still that
 * value; so a read that begins after a write returned, on any instance, never gets a page read
 * before that write.
 *
 * <p>Database migrations change nodes without counting: they run before any instance of their
 * version serves, when no instance holds a page.
 */
final class NodePages {
    /** Kept nodes in all pages together, each about 5 KB as objects: some 50 MB of a 1 GB heap. */
    private static final int MAX_NODES = 10_000;
    /** A page larger than this is not kept: it would push out many small ones. */
    private static final int MAX_PAGE = 1_000;
    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();

    private record Kept(long changes, Page<Node> page) {
    }

    private final Cache<BsonDocument, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_NODES)
            .weigher((BsonDocument query, Kept k) -> 1 + k.page().items().size())
            .build();
    private final LongSupplier changeCount;

    NodePages(LongSupplier changeCount) {
        this.changeCount = changeCount;
    }

    /** The page of {@code query}: the kept one if no node changed since it was read, else {@code fresh}'s. */
    Page<Node> page(NodeQuery query, Supplier<Page<Node>> fresh) {
        if (query.page().limit() > MAX_PAGE) {
            // Such a page is never kept, so the count is not read for it; with no limit (0) the size read decides.
            return fresh.get();
        }
        long changes = changeCount.getAsLong();
        BsonDocument key = keyOf(query);
        Kept k = kept.getIfPresent(key);
        if (k != null && k.changes() == changes) {
            return k.page();
        }
        Page<Node> read = fresh.get();
        // Unmodifiable, as it is shared by every reader of the page.
        Page<Node> page = new Page<>(List.copyOf(read.items()), read.total(), read.limit(), read.offset());
        if (page.items().size() <= MAX_PAGE) {
            // A concurrent reader may have kept a page read after a later count: keep the later one.
            kept.asMap().merge(key, new Kept(changes, page), (old, latest) -> old.changes() > latest.changes() ? old : latest);
        }
        return page;
    }

    /** The query as one comparable document: filter, sort and slice. */
    private static BsonDocument keyOf(NodeQuery query) {
        return new BsonDocument("filter", query.filter().toBsonDocument(Document.class, CODECS))
                .append("sort", query.sort().toBsonDocument(Document.class, CODECS))
                .append("offset", new BsonInt32(query.page().offset()))
                .append("limit", new BsonInt32(query.page().limit()));
    }
}
