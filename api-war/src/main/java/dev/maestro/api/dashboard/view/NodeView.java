package dev.maestro.api.dashboard.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.maestro.json.Json;
import dev.maestro.node.Node;
import java.util.ArrayList;
import java.util.List;

/** The node page's model: the node's fields, its {@code data} as indented JSON, artifacts, parent chain, children and events. */
public record NodeView(Shown node, List<Crumb> ancestors, List<Crumb> children, Pager pager, List<EventRow> events) {

    public static NodeView of(Node node, List<Node> ancestors, List<Node> children, Pager pager, List<EventRow> events,
                              String base) {
        return new NodeView(Shown.of(node, base), ancestors.stream().map(Crumb::of).toList(),
                children.stream().map(Crumb::of).toList(), pager, events);
    }

    /** The node itself, as the page shows it. */
    public record Shown(String id, String name, String kind, String status, String statusClass, boolean checkoutPage,
                        List<Field> fields, List<Link> artifacts, String data) {
        static Shown of(Node n, String base) {
            List<Field> fields = new ArrayList<>();
            fields.add(new Field("id", n.id().toHexString(), null));
            fields.add(new Field("kind", n.kind(), null));
            fields.add(new Field("name", n.name(), null));
            fields.add(new Field("path", n.path() == null ? "" : String.join(" / ", n.path()), null));
            fields.add(new Field("group", n.group(), null));
            fields.add(new Field("parent", n.parent() == null ? "" : n.parent().toHexString(),
                    n.parent() == null ? null : base + "/node/" + n.parent().toHexString()));
            fields.add(new Field("state", n.state().value(), null));
            fields.add(new Field("result", n.result() == null ? "" : n.result().value(), null));
            fields.add(new Field("created", Nodes.time(n.created()), null));
            fields.add(new Field("updated", Nodes.time(n.updated()), null));
            fields.add(new Field("timeout", Nodes.time(n.timeout()), null));
            fields.add(new Field("holdoff", Nodes.time(n.holdoff()), null));
            fields.add(new Field("owner", n.owner(), null));
            fields.add(new Field("submitter", n.submitter(), null));
            fields.add(new Field("treeid", n.treeid(), null));
            fields.add(new Field("user_groups", n.userGroups() == null ? "" : String.join(", ", n.userGroups()), null));
            fields.add(new Field("retry_counter", Integer.toString(n.retryCounter()), null));
            return new Shown(n.id().toHexString(), n.name(), n.kind(), Nodes.status(n), Nodes.statusClass(n),
                    CheckoutView.CHECKOUT_KIND.equals(n.kind()), fields, Link.of(n.artifacts()), indented(n.data()));
        }

        private static String indented(Object data) {
            try {
                return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(data);
            } catch (JsonProcessingException e) {
                return String.valueOf(data);
            }
        }
    }

    /** A field's name and value as text; {@code href} when the value leads to another page. */
    public record Field(String name, String value, String href) {
    }

    /** A node named in a list or a breadcrumb. */
    public record Crumb(String id, String name, String kind, String status, String statusClass) {
        static Crumb of(Node n) {
            return new Crumb(n.id().toHexString(), n.name(), n.kind(), Nodes.status(n), Nodes.statusClass(n));
        }
    }
}
