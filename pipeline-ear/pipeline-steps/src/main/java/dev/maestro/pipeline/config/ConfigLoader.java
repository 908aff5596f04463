package dev.maestro.pipeline.config;

import dev.maestro.pipeline.jobs.JobTemplates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a pipeline configuration file strictly: unknown keys, wrong types, bad values and
 * references to things that are not defined are all errors, reported together in one
 * {@link ConfigException} whose lines name the file, the line and the key path.
 *
 * <p>Top-level keys starting with {@code _} are ignored (KernelCI uses them to hold YAML
 * anchors). String values may use {@code ${VAR}} and {@code ${VAR:-default}}.
 */
public final class ConfigLoader {
    /** The environment variable that names the configuration file. */
    public static final String PATH_VARIABLE = "MAESTRO_PIPELINE_CONFIG";

    private static final List<String> SECTIONS =
            List.of("trees", "build_configs", "jobs", "platforms", "runtimes", "scheduler", "storage", "reports",
                    "patchwork");

    private final Map<String, String> environment;

    /** {@code environment} supplies {@code ${VAR}} values. */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /**
     * The file {@value #PATH_VARIABLE} names in {@code environment}.
     *
     * @throws ConfigException when the variable is not set
     */
    public static Path configuredPath(Map<String, String> environment) {
        String path = environment.get(PATH_VARIABLE);
        if (path == null || path.isBlank()) {
            Path none = Path.of("(unset " + PATH_VARIABLE + ")");
            throw new ConfigException(none, List.of(new ConfigProblem(none, 0, 0, "", PATH_VARIABLE
                    + " is not set: point it at the pipeline's YAML configuration (an example ships as"
                    + " server-config/src/main/config/pipeline.yaml)")));
        }
        return Path.of(path);
    }

    /** Reads and checks {@code file}. */
    public PipelineConfig load(Path file) {
        return parse(file, readFile(file));
    }

    /** Checks {@code content} as if it had been read from {@code file} (whose directory anchors relative paths). */
    public PipelineConfig parse(Path file, byte[] content) {
        Path source = file.toAbsolutePath().normalize();
        YamlContext context = new YamlContext(source, environment);
        Node root = compose(source, content, context);
        if (root == null) {
            if (!context.hasProblems()) {
                context.problem(0, 0, "", "the file is empty");
            }
            throw context.failure();
        }
        YamlValue top = new YamlValue(context, root, "");
        Map<String, YamlValue> sections = top.mapping().orElse(Map.of());
        sections.forEach((key, value) -> {
            if (!key.startsWith("_") && !SECTIONS.contains(key)) {
                value.problemAtKey("unknown section '" + key + "' (expected one of: " + String.join(", ", SECTIONS)
                        + "; keys starting with _ are ignored)");
            }
        });
        JobTemplates templates = JobTemplates.besideConfig(source);
        ConfigSections reader = new ConfigSections(source, templates);
        Map<String, TreeConfig> trees = ConfigSections.named(section(sections, "trees"), reader::tree);
        Map<String, BuildConfig> buildConfigs = ConfigSections.named(section(sections, "build_configs"),
                (name, value) -> reader.buildConfig(trees, name, value));
        Map<String, JobConfig> jobs = ConfigSections.named(section(sections, "jobs"), reader::job);
        Map<String, PlatformConfig> platforms = ConfigSections.named(section(sections, "platforms"), reader::platform);
        Map<String, RuntimeConfig> runtimes = ConfigSections.named(section(sections, "runtimes"), reader::runtime);
        List<SchedulerEntry> scheduler = new SchedulerSection(jobs, runtimes, platforms).read(section(sections, "scheduler"));
        Optional<StorageConfig> storage = storage(top, section(sections, "storage"), reader);
        Map<String, ReportConfig> reports = ConfigSections.named(section(sections, "reports"),
                (name, value) -> reader.report(trees, name, value));
        Map<String, PatchworkConfig> patchwork = ConfigSections.named(section(sections, "patchwork"),
                new PatchworkSection(buildConfigs, jobs)::entry);
        if (context.hasProblems()) {
            throw context.failure();
        }
        return new PipelineConfig(source, trees, buildConfigs, jobs, platforms, runtimes, scheduler,
                storage.orElseThrow(), templates, reports, patchwork);
    }

    static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(file.toAbsolutePath().normalize(), List.of(new ConfigProblem(
                    file.toAbsolutePath().normalize(), 0, 0, "", "cannot read the file: " + e)));
        }
    }

    private static Node compose(Path source, byte[] content, YamlContext context) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            context.problem(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "",
                    "not valid YAML: " + what + (e.getContext() != null ? " (" + e.getContext() + ")" : ""));
        } catch (YAMLException e) {
            context.problem(0, 0, "", "not valid YAML: " + e.getMessage());
        } catch (IOException e) {
            context.problem(0, 0, "", "cannot read " + source + ": " + e);
        }
        return null;
    }

    private static Optional<YamlValue> section(Map<String, YamlValue> sections, String name) {
        return Optional.ofNullable(sections.get(name)).filter(v -> !v.isNull());
    }

    /** Exactly one storage for now; the section stays a name → entry map as in KernelCI. */
    private static Optional<StorageConfig> storage(YamlValue top, Optional<YamlValue> section, ConfigSections reader) {
        if (section.isEmpty()) {
            top.problem("missing required section 'storage' (where artifacts go and their public base URL)");
            return Optional.empty();
        }
        Map<String, StorageConfig> storages = ConfigSections.named(section, reader::storage);
        boolean writtenEmpty = section.get().node() instanceof MappingNode m && m.getValue().isEmpty();
        if (storages.size() > 1 || writtenEmpty) {
            section.get().problem("define exactly one storage (found " + storages.size() + ")");
            return Optional.empty();
        }
        return storages.values().stream().findFirst();
    }
}
