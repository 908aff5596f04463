package dev.maestro.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import dev.maestro.error.BadRequestException;
import dev.maestro.error.ConflictException;
import dev.maestro.error.NotFoundException;
import dev.maestro.json.BodyFields;
import dev.maestro.store.ExactMatch;
import dev.maestro.store.Ids;
import dev.maestro.store.Page;
import dev.maestro.store.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** User groups: create, read, list, delete (all admin-only at the API), and the built-in ones. */
public class GroupService {
    /** Members may edit any node (KernelCI's legacy editors group, created at start). */
    public static final String NODE_EDIT_ANY = "node:edit:any";
    private static final Logger LOG = Logger.getLogger(GroupService.class.getName());

    private final GroupStore groups;
    private final UserStore users;

    public GroupService(GroupStore groups, UserStore users) {
        this.groups = groups;
        this.users = users;
    }

    /** {@code POST /user-groups} with {@code {"name"}}. */
    public GroupRef create(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        String name = fields.requiredName("name");
        fields.validate();
        return insertUnlessExists(name)
                .orElseThrow(() -> new BadRequestException("User group already exists with name: " + name));
    }

    public GroupRef get(String id) {
        Ids.parse(id);
        return groups.findById(id).orElseThrow(() -> new NotFoundException("User group not found with id: " + id));
    }

    public Page<GroupRef> list(PageRequest page) {
        return groups.find(ExactMatch.filter(page.filters()), page);
    }

    /** Deletes a group no user is in; one still assigned is a 409, as KernelCI answers. */
    public void delete(String id) {
        GroupRef group = get(id);
        if (users.anyInGroup(group.name())) {
            throw new ConflictException("User group is assigned to users and cannot be deleted. Remove it from users first.");
        }
        groups.delete(group.id());
    }

    /** The groups with these names, in order; an unknown name is a 400 naming it. */
    public List<GroupRef> resolve(List<String> names) {
        return names.stream()
                .map(name -> groups.findByName(name)
                        .orElseThrow(() -> new BadRequestException("User group does not exist with name: " + name)))
                .toList();
    }

    /** Creates the group unless it exists; another instance starting at the same time is no error. */
    public void ensureExists(String name) {
        insertUnlessExists(name).ifPresent(g -> LOG.info(() -> "Created the user group '" + name + "'"));
    }

    /** The unique index on names decides, so two concurrent creations cannot both succeed. */
    private Optional<GroupRef> insertUnlessExists(String name) {
        try {
            return Optional.of(groups.insert(name));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
