package dev.maestro.pipeline.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code scheduler} list. Entries are checked against the sections already read, so
 * an entry naming a job, runtime or platform that does not exist is reported where it is written.
 */
final class SchedulerSection {
    /** The event fields an entry may test, and the values each accepts (empty set: any value). */
    private static final Map<String, Set<String>> EVENT_FIELDS = eventFields();

    private final Map<String, JobConfig> jobs;
    private final Map<String, RuntimeConfig> runtimes;
    private final Map<String, PlatformConfig> platforms;

    SchedulerSection(Map<String, JobConfig> jobs, Map<String, RuntimeConfig> runtimes, Map<String, PlatformConfig> platforms) {
        this.jobs = jobs;
        this.runtimes = runtimes;
        this.platforms = platforms;
    }

    List<SchedulerEntry> read(Optional<YamlValue> section) {
        List<SchedulerEntry> entries = new ArrayList<>();
        section.flatMap(YamlValue::sequence).ifPresent(items -> {
            for (int i = 0; i < items.size(); i++) {
                entry(i, items.get(i)).ifPresent(entries::add);
            }
        });
        return entries;
    }

    private Optional<SchedulerEntry> entry(int index, YamlValue value) {
        return YamlMapping.of(value, List.of("job", "event", "runtime", "platforms")).flatMap(m -> {
            Optional<String> job = m.required("job").flatMap(j -> j.string().filter(name -> {
                if (!jobs.containsKey(name)) {
                    j.problem("unknown job '" + name + "'" + ConfigSections.defined(jobs));
                }
                return jobs.containsKey(name);
            }));
            Optional<EventCondition> event = m.required("event").flatMap(this::event);
            Optional<RuntimeSelector> runtime = m.required("runtime").flatMap(this::runtime);
            List<String> names = m.optional("platforms").map(this::platforms).orElse(List.of());
            if (names.isEmpty() && runtime.isPresent()) {
                checkDefaultPlatform(m, runtime.get());
            }
            if (job.isEmpty() || event.isEmpty() || runtime.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SchedulerEntry(index, job.get(), event.get(), runtime.get(), names));
        });
    }

    private Optional<EventCondition> event(YamlValue value) {
        List<String> allowed = new ArrayList<>(List.of("channel"));
        allowed.addAll(EVENT_FIELDS.keySet());
        return YamlMapping.of(value, allowed).flatMap(m -> {
            Optional<String> channel = m.required("channel").flatMap(c -> c.string().filter(name -> {
                if (!"node".equals(name)) {
                    c.problem("only channel 'node' is scheduled (retry events are matched as node events)");
                }
                return "node".equals(name);
            }));
            m.required("kind");
            m.required("state");
            Map<String, String> fields = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                if (!"channel".equals(k)) {
                    v.string().filter(text -> validEventValue(k, text, v)).ifPresent(text -> fields.put(k, text));
                }
            });
            return channel.map(c -> new EventCondition(c, fields));
        });
    }

    private static boolean validEventValue(String field, String text, YamlValue value) {
        Set<String> values = EVENT_FIELDS.get(field);
        if (!values.isEmpty() && !values.contains(text)) {
            value.problem("'" + text + "' is not a node " + field + " (expected one of: "
                    + String.join(", ", values.stream().sorted().toList()) + ")");
            return false;
        }
        return true;
    }

    private Optional<RuntimeSelector> runtime(YamlValue value) {
        return YamlMapping.of(value, List.of("name", "type")).flatMap(m -> {
            Optional<YamlValue> name = m.optional("name");
            Optional<YamlValue> type = m.optional("type");
            if (name.isPresent() == type.isPresent()) {
                value.problem("give exactly one of 'name' (a runtime) or 'type' (a lab type)");
                return Optional.empty();
            }
            if (name.isPresent()) {
                return name.get().string().filter(n -> {
                    if (!runtimes.containsKey(n)) {
                        name.get().problem("unknown runtime '" + n + "'" + ConfigSections.defined(runtimes));
                    }
                    return runtimes.containsKey(n);
                }).map(n -> new RuntimeSelector(Optional.of(n), Optional.empty()));
            }
            return ConfigSections.choice(type.get(), LabType.class, "lab_type").filter(t -> {
                boolean defined = runtimes.values().stream().anyMatch(r -> r.labType() == t);
                if (!defined) {
                    type.get().problem("no runtime of type '" + t.wireName() + "' is defined" + ConfigSections.defined(runtimes));
                }
                return defined;
            }).map(t -> new RuntimeSelector(Optional.empty(), Optional.of(t)));
        });
    }

    private List<String> platforms(YamlValue value) {
        List<String> names = new ArrayList<>();
        value.sequence().ifPresent(items -> items.forEach(item -> item.string().ifPresent(name -> {
            if (platforms.containsKey(name)) {
                names.add(name);
            } else {
                item.problem("unknown platform '" + name + "'" + ConfigSections.defined(platforms));
            }
        })));
        return names;
    }

    private void checkDefaultPlatform(YamlMapping entry, RuntimeSelector selector) {
        String type = selector.type().map(LabType::wireName)
                .orElseGet(() -> runtimes.get(selector.name().orElseThrow()).labType().wireName());
        if (!platforms.containsKey(type)) {
            entry.owner().problem("no 'platforms' listed and no platform named '" + type
                    + "' (the runtime's lab type) is defined; add 'platforms:' or define platform '" + type + "'");
        }
    }

    private static Map<String, Set<String>> eventFields() {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        fields.put("kind", Set.of("checkout", "kbuild", "job", "test", "process", "regression", "node", "patchset"));
        fields.put("name", Set.of());
        fields.put("group", Set.of());
        fields.put("state", Set.of("running", "available", "closing", "done"));
        fields.put("result", Set.of("pass", "fail", "skip", "incomplete"));
        fields.put("op", Set.of("created", "updated"));
        fields.put("owner", Set.of());
        return Collections.unmodifiableMap(fields);
    }
}
