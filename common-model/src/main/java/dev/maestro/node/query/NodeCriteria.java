package dev.maestro.node.query;

import com.mongodb.client.model.Filters;
import dev.maestro.store.PageRequest;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * A node query built in code, for the pipeline and the lifecycle rules: the same conditions as
 * {@code GET /nodes?field__op=value}, each made by the same {@link NodeFilter} code from the
 * value's query text, so an internal query means exactly what the API's query string means.
 * Values are Java values: {@code String}, whole numbers, {@code Boolean}, {@link Instant},
 * {@link ObjectId}, or {@code null} (the query language's {@code null}).
 *
 * <pre>{@code NodeCriteria.where().eq("state", "closing").sortedBy("updated").limit(500).query()}</pre>
 */
public final class NodeCriteria {
    private final List<Bson> conditions = new ArrayList<>();
    private String sort;
    private int limit;

    private NodeCriteria() {
    }

    /** No condition yet: every node. */
    public static NodeCriteria where() {
        return new NodeCriteria();
    }

    /** {@code field=value}. */
    public NodeCriteria eq(String field, Object value) {
        return add(field, Operator.EQ, text(value));
    }

    /** {@code field__ne=value}. */
    public NodeCriteria ne(String field, Object value) {
        return add(field, Operator.NE, text(value));
    }

    /** {@code field__lt=value}. */
    public NodeCriteria lt(String field, Object value) {
        return add(field, Operator.LT, text(value));
    }

    /** {@code field__lte=value}. */
    public NodeCriteria lte(String field, Object value) {
        return add(field, Operator.LTE, text(value));
    }

    /** {@code field__gt=value}. */
    public NodeCriteria gt(String field, Object value) {
        return add(field, Operator.GT, text(value));
    }

    /** {@code field__gte=value}. */
    public NodeCriteria gte(String field, Object value) {
        return add(field, Operator.GTE, text(value));
    }

    /** {@code field__in=a,b,c}. */
    public NodeCriteria in(String field, Collection<?> values) {
        return add(field, Operator.IN, list(values));
    }

    /** {@code field__nin=a,b,c}. */
    public NodeCriteria nin(String field, Collection<?> values) {
        return add(field, Operator.NIN, list(values));
    }

    /** {@code sort=...}: fields, comma-separated, {@code -} before a field for descending. */
    public NodeCriteria sortedBy(String sortParameter) {
        sort = sortParameter;
        return this;
    }

    /** At most {@code n} nodes (0, the default, is all). */
    public NodeCriteria limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A limit is 0 (all) or more: " + n);
        }
        limit = n;
        return this;
    }

    /** The query, with the slice {@code GET /nodes/fast} would take for the same parameters. */
    public NodeQuery query() {
        Bson filter = conditions.isEmpty() ? new Document()
                : conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
        return new NodeQuery(filter, NodeSort.parse(sort), new PageRequest(limit, 0));
    }

    private NodeCriteria add(String field, Operator op, String raw) {
        conditions.add(NodeFilter.condition(field, op, raw));
        return this;
    }

    /** The query text of a value, which {@link NodeFilter} reads back by the field's type. */
    private static String text(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return Timestamps.format(instant);
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        throw new IllegalArgumentException("A node query value is a string, a whole number, a boolean, an instant, "
                + "an ObjectId or null, not " + value.getClass().getName());
    }

    private static String list(Collection<?> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            String element = text(value);
            if (element.contains(",")) {
                throw new IllegalArgumentException("A list element of a node query cannot hold a comma: " + element);
            }
            texts.add(element);
        }
        return String.join(",", texts);
    }
}
