package dev.maestro.node;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ConflictException;
import dev.maestro.error.NotFoundException;
import dev.maestro.event.EventLog;
import dev.maestro.node.field.NodeField;
import dev.maestro.node.kind.KernelVersions;
import dev.maestro.node.kind.NodeKinds;
import dev.maestro.node.query.NodeQuery;
import dev.maestro.store.Page;
import dev.maestro.time.Timestamps;
import dev.maestro.user.GroupStore;
import dev.maestro.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The one write path of nodes: the API and the pipeline change nodes only through here. Every
 * write validates first (model and kind rules, state transition, edit right), then writes the
 * node(s) to MongoDB, then appends one event per written node to the {@code node} channel of
 * the {@link EventLog} (which notifies Redis), unless {@link EventMode#SUPPRESS}, which only
 * counts the change there (see {@link NodePages}).
 *
 * <p>Updates are compare-and-set on the state the change was validated against: if another
 * writer moved the node on meanwhile, the change is re-applied to the new version (and
 * re-validated), so a transition is always checked against the state it replaces. Only the
 * fields a change touches are written, so concurrent changes to other fields are not lost.
 */
public class NodeService {
    private static final Logger LOG = Logger.getLogger(NodeService.class.getName());
    /** States only move forward, so a change can lose the race at most a few times. */
    private static final int MAX_ATTEMPTS = 5;

    private final NodeStore store;
    private final GroupStore groups;
    private final EventLog events;
    private final NodePages pages;
    private final List<Consumer<NodeEvent>> writeListeners = new CopyOnWriteArrayList<>();

    public NodeService(NodeStore store, GroupStore groups, EventLog events) {
        this.store = store;
        this.groups = groups;
        this.events = events;
        this.pages = new NodePages(() -> events.changeCount(NodeEvent.CHANNEL));
    }

    /**
     * Calls {@code listener} with every node written from now on, published or not (e.g. to
     * count writes); it runs on the writer's thread, so it must be quick.
     */
    public void onWrite(Consumer<NodeEvent> listener) {
        writeListeners.add(listener);
    }

    /** The node, or 404 {@code Node not found with id: X}. */
    public Node get(ObjectId id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** The node, if it exists (for callers to whom a missing node is not an error). */
    public Optional<Node> find(ObjectId id) {
        return store.find(id);
    }

    /** One page of matches and their total: this instance's copy while no node has changed since ({@link NodePages}). */
    public Page<Node> search(NodeQuery query) {
        return pages.page(query,
                () -> new Page<>(store.find(query), store.count(query.filter()), query.page().limit(), query.page().offset()));
    }

    /** All matches in the query's slice, without counting. */
    public List<Node> list(NodeQuery query) {
        return store.find(query);
    }

    /** How many nodes match the query's filter (its sort and slice do not matter). */
    public long count(NodeQuery query) {
        return store.count(query.filter());
    }

    /**
     * The lifecycle rules' query: nodes not {@code done} (and in {@code onlyIn}, when given) whose
     * {@code deadline} has passed, earliest first, at most {@code limit}. Read from the working
     * set of unfinished nodes, so its cost follows how many nodes are unfinished, not how many
     * were ever written; each candidate is checked against the node itself.
     */
    public List<Node> unfinishedDue(Deadline deadline, Instant now, Optional<NodeState> onlyIn, int limit) {
        List<Node> due = current(store.unfinished().due(deadline.field(), now, onlyIn, limit), now,
                n -> deadline.passed(n, now) && onlyIn.map(s -> n.state() == s).orElse(true));
        due.sort(Comparator.comparing(deadline::of));
        return due;
    }

    /** Nodes in {@code state} (which is not {@code done}), least recently updated first, at most {@code limit}. */
    public List<Node> unfinishedIn(NodeState state, int limit) {
        return current(store.unfinished().inState(state, limit), Instant.now(), n -> n.state() == state);
    }

    /** Whether a direct child of {@code parent} is not {@code done} (a child being created counts). */
    public boolean hasUnfinishedChild(ObjectId parent) {
        List<ObjectId> ids = store.unfinished().children(parent);
        Map<ObjectId, Node> found = store.findAll(ids);
        return ids.stream().anyMatch(id -> !found.containsKey(id)
                || found.get(id).state() != NodeState.DONE && parent.equals(found.get(id).parent()));
    }

    /**
     * The stored nodes of working-set entries that still match; entries found stale (node done,
     * gone or changed) are put right, so a hint never misleads twice.
     */
    private List<Node> current(List<ObjectId> ids, Instant now, Predicate<Node> matches) {
        Map<ObjectId, Node> found = store.findAll(ids);
        List<Node> out = new ArrayList<>();
        for (ObjectId id : ids) {
            Node node = found.get(id);
            if (node == null) {
                store.unfinished().forgetOrphan(id, now);
            } else if (node.state() != NodeState.DONE && matches.test(node)) {
                out.add(node);
            } else {
                store.unfinished().track(node);
            }
        }
        return out;
    }

    /**
     * Creates a node owned by {@code caller}. The draft must have no id (400); its kind and data
     * must be valid (400); its parent must exist (404) and its user groups too (400). Other
     * fields are stored as given. Event {@code created}.
     */
    public Node create(User caller, Node draft, EventMode mode) {
        if (draft.id() != null) {
            throw new BadRequestException("Object cannot be created with id: " + draft.id().toHexString());
        }
        return insertNew(caller, new ObjectId(), draft, mode);
    }

    /**
     * As {@link #create}, with an id the caller chose beforehand: the pipeline's way to create a
     * node exactly once across redeliveries and instances (each agrees on the id first, e.g. by
     * a claim in MongoDB). Empty when a node with that id exists already: only the first
     * attempt writes and publishes.
     */
    public Optional<Node> createOnce(User caller, ObjectId id, Node draft, EventMode mode) {
        if (store.exists(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(insertNew(caller, id, draft.toBuilder().id(null).build(), mode));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Node insertNew(User caller, ObjectId id, Node draft, EventMode mode) {
        Node node = validated(draft);
        requireNewParentExists(node.parent(), null);
        for (String group : node.userGroups()) {
            if (groups.findByName(group).isEmpty()) {
                throw new BadRequestException("User group does not exist with name: " + group);
            }
        }
        Node stored = node.toBuilder().id(id).owner(caller.username()).build();
        store.insert(stored);
        LOG.fine(() -> "Node " + stored.id() + " (" + stored.kind() + " " + stored.name() + ") created by " + caller.username());
        publish(List.of(NodeEvent.created(stored, false)), mode);
        return stored;
    }

    /**
     * Changes a node on behalf of {@code caller}: 404 if missing, 403 without edit right, then
     * the change (which may itself answer 400/422), 400 for a transition the state machine
     * forbids, a parent equal to the node, or invalid kind data; 404 for a missing new parent.
     * {@code updated} becomes now; {@code processed_by_kcidb_bridge} is reset unless the change
     * sets it without changing the state. Event {@code updated} with the previous state/result.
     */
    public Node update(User caller, ObjectId id, NodeChange change, EventMode mode) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Node stored = get(id);
            NodeEditRights.require(caller, stored);
            Node changed = change.apply(stored);
            Node next = checkedUpdate(stored, changed, change.setsKcidbFlag(stored, changed));
            Optional<Node> written = store.updateIfState(id, stored.state(), NodeDocuments.changes(stored, next));
            if (written.isPresent()) {
                publish(List.of(NodeEvent.updated(written.get(), stored, false)), mode);
                return written.get();
            }
        }
        throw new ConflictException("Node " + id.toHexString() + " kept changing while being updated; try again");
    }

    /**
     * Compare-and-set transition for the pipeline's timers: moves the node from {@code from} to
     * {@code to} (applying {@code alsoChange} in the same write, e.g. a result) only if its
     * stored state is still {@code from}. Returns the updated node, or empty when the node was
     * no longer in {@code from} (another instance or client got there first), so each
     * transition happens exactly once. No user and no edit right are involved: this is the
     * system acting. 404 if the node does not exist.
     */
    public Optional<Node> transition(ObjectId id, NodeState from, NodeState to, UnaryOperator<Node> alsoChange, EventMode mode) {
        if (!from.allows(to)) {
            throw new IllegalArgumentException("The state machine forbids " + from.value() + " → " + to.value());
        }
        Node stored = get(id);
        if (stored.state() != from) {
            return Optional.empty();
        }
        Node changed = alsoChange.apply(stored).toBuilder().state(to).build();
        Node next = checkedUpdate(stored, changed, changed.processedByKcidbBridge() != stored.processedByKcidbBridge());
        Optional<Node> written = store.updateIfState(id, from, NodeDocuments.changes(stored, next));
        written.ifPresent(n -> publish(List.of(NodeEvent.updated(n, stored, false)), mode));
        return written;
    }

    /**
     * {@code PUT /nodes/{id}}: stores a root and its descendants. Everything is checked before
     * anything is written: root exists (404) and caller may edit it and every existing node in
     * the tree (403); every id given exists (400 {@code No object found with id: X}) and appears
     * once; every node's kind data is valid (400). Then all nodes are written in pre-order:
     * nodes with an id replaced (keeping {@code created} and {@code owner}), others inserted
     * (owner: as given, else the caller); each child's parent is its parent in the tree, and
     * {@code submitter}/{@code treeid} are the stored root's. No transition check (as
     * KernelCI). One event per node ({@code is_hierarchy: true}). Returns the nodes in pre-order.
     */
    public List<Node> submitHierarchy(User caller, ObjectId rootId, Hierarchy tree, EventMode mode) {
        Node root = get(rootId);
        NodeEditRights.require(caller, root);
        List<Node> planned = new ArrayList<>();
        Set<ObjectId> given = new HashSet<>(Set.of(rootId));
        plan(tree, rootId, tree.node().parent(), planned, given);
        given.remove(rootId);
        Map<ObjectId, Node> existing = store.findAll(given);
        for (ObjectId id : given) {
            Node found = existing.get(id);
            if (found == null) {
                throw new BadRequestException("No object found with id: " + id.toHexString());
            }
            NodeEditRights.require(caller, found);
        }
        existing.put(rootId, root);
        if (rootId.equals(planned.get(0).parent())) {
            throw new BadRequestException("Parent cannot be the same as the object");
        }
        requireNewParentExists(planned.get(0).parent(), root.parent());
        Instant now = Timestamps.now();
        List<Node> toWrite = new ArrayList<>(planned.size());
        for (Node n : planned) {
            Node before = existing.get(n.id());
            Node.Builder b = n.toBuilder().submitter(root.submitter()).treeid(root.treeid()).updated(now);
            if (before != null) {
                b.created(before.created()).owner(before.owner());
            } else if (n.owner() == null || n.owner().isEmpty()) {
                b.owner(caller.username());
            }
            toWrite.add(validatedInTree(b.build()));
        }
        store.write(toWrite, existing.keySet());
        LOG.fine(() -> "Hierarchy of " + toWrite.size() + " node(s) under " + rootId + " stored by " + caller.username());
        publish(toWrite.stream().map(n -> {
            Node before = existing.get(n.id());
            return before != null ? NodeEvent.updated(n, before, true) : NodeEvent.created(n, true);
        }).toList(), mode);
        return toWrite;
    }

    /**
     * {@code PUT /batch/nodeset}: sets {@code processed_by_kcidb_bridge} on the listed nodes the
     * caller may edit (others are skipped, as KernelCI), bumping {@code updated}. Every id must
     * exist (404) before anything is written. One event per changed node. Returns how many
     * nodes were updated.
     */
    public int setKcidbFlag(User caller, List<ObjectId> ids, boolean value, EventMode mode) {
        Map<ObjectId, Node> found = store.findAll(ids);
        for (ObjectId id : ids) {
            if (!found.containsKey(id)) {
                throw notFound(id);
            }
        }
        int count = 0;
        for (ObjectId id : ids) {
            Node before = found.get(id);
            if (!NodeEditRights.mayEdit(caller, before)) {
                continue;
            }
            Document changes = new Document(NodeField.PROCESSED_BY_KCIDB_BRIDGE.stored(), value)
                    .append(NodeField.UPDATED.stored(), Date.from(Timestamps.now()));
            Optional<Node> written = store.update(id, changes);
            if (written.isPresent()) {
                count++;
                publish(List.of(NodeEvent.updated(written.get(), before, false)), mode);
            }
        }
        return count;
    }

    private Node checkedUpdate(Node stored, Node changed, boolean setsFlag) {
        Node n = changed.toBuilder().id(stored.id()).build();
        if (!stored.state().allows(n.state())) {
            throw new BadRequestException("Transition not allowed with state: " + n.state().value());
        }
        if (stored.id().equals(n.parent())) {
            throw new BadRequestException("Parent cannot be the same as the object");
        }
        requireNewParentExists(n.parent(), stored.parent());
        Node valid = validated(n);
        boolean keepFlag = setsFlag && valid.state() == stored.state();
        return valid.toBuilder()
                .updated(Timestamps.now())
                .processedByKcidbBridge(keepFlag && valid.processedByKcidbBridge())
                .build();
    }

    /** 404 {@code Parent not found with id: X} when a node gets a parent (other than its current one) that does not exist. */
    private void requireNewParentExists(ObjectId parent, ObjectId current) {
        if (parent != null && !parent.equals(current) && !store.exists(parent)) {
            throw new NotFoundException("Parent not found with id: " + parent.toHexString());
        }
    }

    /** Gives every node of the tree its id (the root's from the path) and its parent's id. */
    private static void plan(Hierarchy h, ObjectId id, ObjectId parent, List<Node> out, Set<ObjectId> given) {
        out.add(h.node().toBuilder().id(id).parent(parent).build());
        for (Hierarchy child : h.children()) {
            ObjectId childId = child.node().id();
            if (childId == null) {
                childId = new ObjectId();
            } else if (!given.add(childId)) {
                throw new BadRequestException("Node appears more than once in the hierarchy: " + childId.toHexString());
            }
            plan(child, childId, id, out, given);
        }
    }

    private static Node validatedInTree(Node n) {
        try {
            return validated(n);
        } catch (BadRequestException e) {
            throw new BadRequestException("Node '" + n.name() + "' (" + n.id().toHexString() + "): " + e.getMessage());
        }
    }

    private static Node validated(Node n) {
        Map<String, Object> data = KernelVersions.translate(n.data());
        NodeKinds.validate(n.kind(), data);
        return data == n.data() ? n : n.toBuilder().data(data).build();
    }

    /** Tells of one write's nodes, in order: to the write listeners, and to the channel unless suppressed. */
    private void publish(List<NodeEvent> written, EventMode mode) {
        for (NodeEvent event : written) {
            writeListeners.forEach(l -> l.accept(event));
            if (mode == EventMode.PUBLISH) {
                events.append(NodeEvent.CHANNEL, event.owner(), event.toData(), Map.of());
            }
        }
        if (mode == EventMode.SUPPRESS && !written.isEmpty()) {
            // Counted all the same, once for the whole write, so that no instance serves a query
            // page read before it.
            events.countUnpublished(NodeEvent.CHANNEL, written.size());
        }
    }

    private static NotFoundException notFound(ObjectId id) {
        return new NotFoundException("Node not found with id: " + id.toHexString());
    }
}
