package dev.maestro.pipeline.config;

import dev.maestro.pipeline.git.GitNames;
import dev.maestro.pipeline.jobs.JobTemplates;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the named sections of the file into the model, checking types, values and references
 * to sections read before (a build config's tree). Problems go to the shared context.
 */
final class ConfigSections {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Duration DEFAULT_POLL_PERIOD = Duration.ofMinutes(5);
    private static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofHours(1);
    /** KernelCI's tarball step hard-codes a checkout's holdoff to 10 minutes; here it is the default. */
    private static final Duration DEFAULT_CHECKOUT_HOLDOFF = Duration.ofMinutes(10);
    /** KernelCI's trigger default ({@code [trigger] timeout}, 180 minutes). */
    private static final Duration DEFAULT_CHECKOUT_TIMEOUT = Duration.ofMinutes(180);

    private final Path configDirectory;
    private final JobTemplates templates;

    ConfigSections(Path configFile, JobTemplates templates) {
        this.configDirectory = configFile.toAbsolutePath().getParent();
        this.templates = templates;
    }

    /** A section that maps names to entries; names must be usable in paths and file names. */
    static <T> Map<String, T> named(Optional<YamlValue> section, BiFunction<String, YamlValue, Optional<T>> reader) {
        Map<String, T> result = new LinkedHashMap<>();
        section.flatMap(YamlValue::mapping).ifPresent(entries -> entries.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                value.problemAtKey("'" + name + "' is not a usable name: start with a letter or digit,"
                        + " then use letters, digits and . _ -");
                return;
            }
            reader.apply(name, value).ifPresent(t -> result.put(name, t));
        }));
        return result;
    }

    Optional<TreeConfig> tree(String name, YamlValue value) {
        return YamlMapping.of(value, List.of("url")).flatMap(m -> m.required("url")).flatMap(url -> url.string()
                .flatMap(text -> {
                    Optional<String> problem = GitNames.remoteProblem(text);
                    problem.ifPresent(p -> url.problem("the URL " + p));
                    return problem.isPresent() ? Optional.empty() : Optional.of(new TreeConfig(name, absoluteIfLocal(text)));
                }));
    }

    Optional<BuildConfig> buildConfig(Map<String, TreeConfig> trees, String name, YamlValue value) {
        return YamlMapping.of(value, List.of("tree", "branch", "poll_period", "architectures", "holdoff", "timeout")).flatMap(m -> {
            Optional<String> tree = m.required("tree").flatMap(t -> t.string().filter(text -> {
                if (!trees.containsKey(text)) {
                    t.problem("unknown tree '" + text + "'" + defined(trees));
                }
                return trees.containsKey(text);
            }));
            Optional<String> branch = m.required("branch").flatMap(b -> b.string().filter(text -> {
                GitNames.branchProblem(text).ifPresent(p -> b.problem("the branch name " + p));
                return GitNames.branchProblem(text).isEmpty();
            }));
            Duration poll = m.optional("poll_period").flatMap(YamlValue::duration).orElse(DEFAULT_POLL_PERIOD);
            List<String> archs = m.optional("architectures").flatMap(YamlValue::strings).orElse(List.of());
            Duration holdoff = m.optional("holdoff").flatMap(YamlValue::duration).orElse(DEFAULT_CHECKOUT_HOLDOFF);
            Duration timeout = m.optional("timeout").flatMap(YamlValue::duration).orElse(DEFAULT_CHECKOUT_TIMEOUT);
            if (tree.isEmpty() || branch.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new BuildConfig(name, tree.get(), branch.get(), poll, archs, holdoff, timeout));
        });
    }

    Optional<JobConfig> job(String name, YamlValue value) {
        return YamlMapping.of(value, List.of("kind", "template", "params", "kcidb_test_suite", "image")).flatMap(m -> {
            Optional<JobKind> kind = m.required("kind").flatMap(k -> choice(k, JobKind.class, "kind"));
            Optional<String> template = m.required("template").flatMap(t -> t.string().filter(text -> {
                if (!templates.exists(text)) {
                    t.problem("no template '" + text + "' in " + templates.directory().map(Path::toString).orElse("-")
                            + " nor among the built-in ones ("
                            + String.join(", ", JobTemplates.BUILT_IN.stream().sorted().toList()) + ")");
                    return false;
                }
                return true;
            }));
            Map<String, Object> params = m.optional("params").map(this::params).orElse(Map.of());
            String suite = m.optional("kcidb_test_suite").flatMap(YamlValue::string).orElse("");
            String image = text(m, "image");
            if (kind.isEmpty() || template.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new JobConfig(name, kind.get(), template.get(), params, suite, image));
        });
    }

    Optional<PlatformConfig> platform(String name, YamlValue value) {
        return YamlMapping.of(value, List.of("arch", "boot_method", "mach", "base_name", "compatible", "params"))
                .map(m -> new PlatformConfig(name,
                        text(m, "arch"), text(m, "boot_method"), text(m, "mach"), text(m, "base_name"),
                        m.optional("compatible").flatMap(YamlValue::strings).orElse(List.of()),
                        m.optional("params").map(this::params).orElse(Map.of())));
    }

    Optional<RuntimeConfig> runtime(String name, YamlValue value) {
        List<String> keys = new ArrayList<>(List.of("lab_type", "timeout"));
        keys.addAll(LavaSection.KEYS);
        keys.addAll(DockerRuntimeConfig.KEYS);
        return YamlMapping.of(value, keys).flatMap(m -> {
            Optional<LabType> type = m.required("lab_type").flatMap(t -> choice(t, LabType.class, "lab_type"));
            Duration timeout = m.optional("timeout").flatMap(YamlValue::duration).orElse(DEFAULT_JOB_TIMEOUT);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            LabType t = type.get();
            if (t != LabType.LAVA) {
                LavaSection.rejectIn(m, t);
            }
            if (t != LabType.DOCKER) {
                onlyFor(m, DockerRuntimeConfig.KEYS, LabType.DOCKER);
            }
            Optional<? extends LabKeys> labKeys = switch (t) {
                case LAVA -> LavaSection.read(m);
                case DOCKER -> Optional.of(docker(m));
                default -> Optional.empty();
            };
            if (t == LabType.LAVA && labKeys.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new RuntimeConfig(name, t, timeout, labKeys));
        });
    }

    private static DockerRuntimeConfig docker(YamlMapping m) {
        URI host = m.optional("host").flatMap(ConfigSections::dockerHost).orElse(DockerRuntimeConfig.DEFAULT_HOST);
        String network = m.optional("network").flatMap(YamlValue::string).orElse(DockerRuntimeConfig.DEFAULT_NETWORK);
        List<String> volumes = m.optional("volumes").flatMap(YamlValue::strings).orElse(List.of());
        volumes.stream().filter(v -> v.split(":").length < 2 || v.split(":").length > 3).findFirst().ifPresent(v ->
                m.optional("volumes").ifPresent(at -> at.problem("'" + v + "' is not a volume (source:target or source:target:ro)")));
        Optional<Long> memory = m.optional("memory_mb").flatMap(ConfigSections::positiveNumber).map(Number::longValue);
        Optional<Double> cpus = m.optional("cpus").flatMap(ConfigSections::positiveNumber).map(Number::doubleValue);
        return new DockerRuntimeConfig(host, network, text(m, "user"), volumes, memory, cpus);
    }

    private static Optional<URI> dockerHost(YamlValue value) {
        return value.string().flatMap(text -> {
            try {
                URI uri = new URI(text);
                if ("unix".equals(uri.getScheme()) && uri.getPath() != null && !uri.getPath().isEmpty()
                        || "tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            value.problem("expected the Docker Engine's address, unix:///path/to/docker.sock or tcp://host:port, found '"
                    + text + "'");
            return Optional.empty();
        });
    }

    private static Optional<Number> positiveNumber(YamlValue value) {
        if (value.plain() instanceof Number n && n.doubleValue() > 0) {
            return Optional.of(n);
        }
        value.problem("expected a number greater than zero, found " + YamlValue.describe(value.node()));
        return Optional.empty();
    }

    /** Keys of another lab type in this entry are mistakes, not settings to ignore. */
    private static void onlyFor(YamlMapping m, List<String> keys, LabType type) {
        keys.forEach(key -> m.optional(key).ifPresent(v -> v.problemAtKey("'" + key + "' is a key of lab_type "
                + type.wireName() + " runtimes only")));
    }

    Optional<ReportConfig> report(Map<String, TreeConfig> trees, String name, YamlValue value) {
        return YamlMapping.of(value, List.of("trees", "branches", "to", "subject")).flatMap(m -> {
            Optional<List<String>> reported = m.required("trees").flatMap(t -> t.strings().filter(names -> {
                List<String> unknown = names.stream().filter(n -> !trees.containsKey(n)).toList();
                if (!unknown.isEmpty()) {
                    t.problem("unknown tree(s) " + unknown + defined(trees));
                }
                return unknown.isEmpty();
            }));
            List<String> branches = m.optional("branches").flatMap(YamlValue::strings).orElse(List.of());
            Optional<List<String>> to = m.required("to").flatMap(YamlValue::addresses);
            Optional<String> subject = m.optional("subject").map(v -> v.string().filter(text -> {
                ReportConfig.subjectProblem(text).ifPresent(v::problem);
                return ReportConfig.subjectProblem(text).isEmpty();
            })).orElse(Optional.of(ReportConfig.DEFAULT_SUBJECT));
            if (reported.isEmpty() || to.isEmpty() || subject.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ReportConfig(name, reported.get(), branches, to.get(), subject.get()));
        });
    }

    /** One of {@code type}'s constants that is implemented, by its name in the file. */
    static <E extends Enum<E> & WireNamed> Optional<E> choice(YamlValue value, Class<E> type, String what) {
        return value.string().flatMap(text -> {
            Optional<E> known = WireNamed.fromWireName(type, text);
            if (known.isEmpty()) {
                value.problem("unknown " + what + " '" + text + "' (expected one of: " + names(type, false) + ")");
            } else if (!known.get().implemented()) {
                value.problem(what + " '" + text + "' is not supported yet (supported: " + names(type, true) + ")");
                return Optional.empty();
            }
            return known;
        });
    }

    private static <E extends Enum<E> & WireNamed> String names(Class<E> type, boolean implementedOnly) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> !implementedOnly || e.implemented())
                .map(WireNamed::wireName).collect(Collectors.joining(", "));
    }

    Optional<StorageConfig> storage(String name, YamlValue value) {
        return YamlMapping.of(value, List.of("storage_type", "path", "base_url", "api_url")).flatMap(m -> {
            Optional<StorageType> type = m.required("storage_type").flatMap(t -> choice(t, StorageType.class, "storage_type"));
            Optional<Path> path = m.required("path").flatMap(YamlValue::string).map(p -> configDirectory.resolve(p).normalize());
            Optional<URI> base = m.required("base_url").flatMap(ConfigSections::httpUrl)
                    .map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"));
            Optional<URI> api = m.required("api_url").flatMap(ConfigSections::httpUrl)
                    .map(u -> URI.create(u.toString().replaceAll("/+$", "")));
            if (type.isEmpty() || path.isEmpty() || base.isEmpty() || api.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new StorageConfig(name, type.get(), path.get(), base.get(), api.get()));
        });
    }

    /** Params become template placeholders and environment variables, hence the naming rule. */
    private Map<String, Object> params(YamlValue value) {
        Map<String, Object> params = new LinkedHashMap<>();
        value.mapping().ifPresent(entries -> entries.forEach((k, v) -> {
            if (!PARAM.matcher(k).matches()) {
                v.problemAtKey("param name '" + k + "' must be letters, digits and _ (it becomes a template placeholder)");
                return;
            }
            Object plain = v.plain();
            if ("job_timeout".equals(k) && (!(plain instanceof Number n) || n.doubleValue() <= 0)) {
                v.problem("job_timeout is a number of minutes greater than zero, found " + YamlValue.describe(v.node()));
            }
            params.put(k, plain);
        }));
        return params;
    }

    /** The names a reference could have used, for the message about one that matches none. */
    static String defined(Map<String, ?> names) {
        return names.isEmpty() ? " (none is defined)" : " (defined: " + String.join(", ", names.keySet()) + ")";
    }

    private static String text(YamlMapping m, String key) {
        return m.optional(key).flatMap(YamlValue::string).orElse("");
    }

    static Optional<URI> httpUrl(YamlValue value) {
        return value.string().flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            value.problem("expected an http:// or https:// URL, found '" + text + "'");
            return Optional.empty();
        });
    }

    /**
     * Local paths are made absolute against the configuration file's directory; URLs and
     * scp-style {@code host:path} remotes are kept as written.
     */
    private String absoluteIfLocal(String url) {
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        boolean remote = url.contains("://") || (colon > 0 && (slash < 0 || colon < slash));
        // As a file:// URL, because checkout nodes carry the URL and the API accepts only URLs there.
        return remote ? url : "file://" + configDirectory.resolve(url).normalize();
    }
}
