package dev.maestro.event.query;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.maestro.error.BadRequestException;
import dev.maestro.event.EventHistory;
import dev.maestro.node.query.Operator;
import dev.maestro.store.Ids;
import dev.maestro.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Searches the event history with KernelCI's query parameters. {@code from} is a time (events
 * stored after it) or, as an extension, a sequence id (events after it, in sequence order);
 * results otherwise come in the order they were stored. Every malformed parameter is a 400
 * with KernelCI's wording, never a server error.
 */
public class EventSearch {
    /** Parameters that are equalities on the same field of the node payload. */
    private static final Set<String> DATA_FIELDS = Set.of("kind", "state", "result", "op", "name", "group", "owner");
    private static final Set<String> CONTROL = Set.of("limit", "offset", "from", "id", "ids", "node_id", "recursive",
            "channel", "path");
    private static final int RECURSIVE_MAX_LIMIT = 1000;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final EventHistory history;
    private final Function<ObjectId, Optional<Map<String, Object>>> nodes;

    /** @param nodes a node as the API shows it, by id (for {@code recursive}) */
    public EventSearch(EventHistory history, Function<ObjectId, Optional<Map<String, Object>>> nodes) {
        this.history = history;
        this.nodes = nodes;
    }

    /** {@code params}: each query parameter with its last value, as KernelCI reads them. */
    public List<Map<String, Object>> search(Map<String, String> params) {
        List<Bson> filters = new ArrayList<>();
        params.forEach((name, value) -> {
            Optional<Operator> operator = operatorOf(name);
            if (operator.isPresent()) {
                filters.add(withOperator(name, operator.get(), value));
            } else if (DATA_FIELDS.contains(name)) {
                if (!value.isEmpty()) {
                    filters.add(Filters.eq("data." + name, value));
                }
            } else if (!CONTROL.contains(name)) {
                filters.add(raw(name, value));
            }
        });
        if (params.containsKey("channel")) {
            filters.add(Filters.eq("channel", params.get("channel")));
        }
        if (params.containsKey("path")) {
            filters.add(Filters.regex("data.path", regex(params.get("path"))));
        }
        if (params.containsKey("node_id")) {
            if (params.containsKey("data.id")) {
                throw new BadRequestException("Provide either node_id or data.id, not both");
            }
            filters.add(Filters.eq("data.id", params.get("node_id")));
        }
        ids(params).ifPresent(filters::add);
        Bson sort = Sorts.ascending("timestamp", "sequence_id");
        String from = params.get("from");
        if (from != null) {
            if (INTEGER.matcher(from.trim()).matches()) {
                filters.add(Filters.gt("sequence_id", Long.parseLong(from.trim())));
                sort = Sorts.ascending("sequence_id", "channel");
            } else {
                Instant after = Timestamps.parse(from).orElseThrow(() -> new BadRequestException(
                        "Invalid 'from' parameter, must be an ISO 8601 datetime or a sequence id"));
                filters.add(Filters.gt("timestamp", Date.from(after)));
            }
        }
        int limit = integer(params, "limit");
        int offset = integer(params, "offset");
        boolean recursive = params.containsKey("recursive") && !params.get("recursive").isEmpty();
        if (recursive && (limit == 0 || limit > RECURSIVE_MAX_LIMIT)) {
            throw new BadRequestException("Recursive limit is too large, max is " + RECURSIVE_MAX_LIMIT);
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : Filters.and(filters);
        List<Map<String, Object>> events = history.find(filter, sort, offset, limit);
        if (recursive) {
            events.forEach(this::attachNode);
        }
        return events;
    }

    /** KernelCI's {@code recursive}: the event's node as it is now, when {@code data.id} names one. */
    private void attachNode(Map<String, Object> event) {
        if (event.get("data") instanceof Map<?, ?> data && data.get("id") instanceof String id && Ids.isValid(id)) {
            nodes.apply(new ObjectId(id)).ifPresent(node -> event.put("node", node));
        }
    }

    /**
     * Any other parameter is an equality on the stored document. Booleans are typed, as KernelCI
     * does; an integer matches the stored number or the same text (MongoDB compares numbers
     * across int and long).
     */
    private static Bson raw(String name, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Filters.eq(name, Boolean.parseBoolean(value));
        }
        if (INTEGER.matcher(value).matches() && value.length() < 19) {
            return Filters.in(name, value, Long.parseLong(value));
        }
        return Filters.eq(name, value);
    }

    private static Pattern regex(String value) {
        return regex("path", value);
    }

    private static Pattern regex(String parameter, String value) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new BadRequestException("Invalid regular expression for '" + parameter + "': " + e.getDescription());
        }
    }

    /** The query language's operator a {@code field__op} parameter names, if any. */
    private static Optional<Operator> operatorOf(String name) {
        int at = name.lastIndexOf("__");
        return at > 0 ? Operator.ofSuffix(name.substring(at + 2)) : Optional.empty();
    }

    /**
     * {@code field__re=regex} matches (unanchored, like {@code path}) on the same field a plain
     * parameter would compare; KernelCI compares every such parameter for equality with a field
     * of that literal name, so it silently matches nothing. The other operators are refused.
     */
    private static Bson withOperator(String name, Operator operator, String value) {
        String field = name.substring(0, name.lastIndexOf("__"));
        if (operator != Operator.RE) {
            throw new BadRequestException("Operator '__" + operator.suffix() + "' is not supported by /events"
                    + " (only field=value and field__re=regex): " + name);
        }
        return Filters.regex(DATA_FIELDS.contains(field) ? "data." + field : field, regex(name, value));
    }

    private static Optional<Bson> ids(Map<String, String> params) {
        String id = params.get("id");
        String ids = params.get("ids");
        if (id != null && ids != null) {
            throw new BadRequestException("Provide either id or ids, not both");
        }
        if (id != null) {
            if (!Ids.isValid(id)) {
                throw new BadRequestException("Invalid id format");
            }
            return Optional.of(Filters.eq("_id", new ObjectId(id)));
        }
        if (ids != null) {
            List<ObjectId> list = new ArrayList<>();
            for (String part : ids.split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!Ids.isValid(trimmed)) {
                    throw new BadRequestException("Invalid ids format");
                }
                list.add(new ObjectId(trimmed));
            }
            if (list.isEmpty()) {
                throw new BadRequestException("ids must contain at least one id");
            }
            return Optional.of(Filters.in("_id", list));
        }
        return Optional.empty();
    }

    private static int integer(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new BadRequestException("Invalid '" + name + "' parameter, must be a non-negative integer");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException("Invalid '" + name + "' parameter, must be an integer");
        }
    }
}
