package dev.maestro.pipeline.config;

import dev.maestro.pipeline.jobs.JobTemplates;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One loaded, valid pipeline configuration. Every reference in it resolves: scheduler entries
 * name existing jobs, runtimes and platforms, build configs existing trees, jobs existing
 * templates. Maps keep the file's order.
 *
 * @param source    the file it was read from
 * @param templates where this configuration's job templates are looked up
 * @param reports   who gets mail about which checkouts (empty: nobody)
 * @param patchwork the Patchwork projects whose series are tested (empty: none)
 */
public record PipelineConfig(Path source, Map<String, TreeConfig> trees, Map<String, BuildConfig> buildConfigs,
                             Map<String, JobConfig> jobs, Map<String, PlatformConfig> platforms,
                             Map<String, RuntimeConfig> runtimes, List<SchedulerEntry> scheduler,
                             StorageConfig storage, JobTemplates templates, Map<String, ReportConfig> reports,
                             Map<String, PatchworkConfig> patchwork) {

    public PipelineConfig {
        trees = ordered(trees);
        buildConfigs = ordered(buildConfigs);
        jobs = ordered(jobs);
        platforms = ordered(platforms);
        runtimes = ordered(runtimes);
        scheduler = List.copyOf(scheduler);
        reports = ordered(reports);
        patchwork = ordered(patchwork);
    }

    /** An unmodifiable copy that keeps the file's order (Map.copyOf would not). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public TreeConfig treeOf(BuildConfig buildConfig) {
        return trees.get(buildConfig.tree());
    }

    /** The build config watching {@code branch} of the tree named {@code tree}, if there is one. */
    public Optional<BuildConfig> buildConfigFor(String tree, String branch) {
        return buildConfigs.values().stream()
                .filter(bc -> bc.tree().equals(tree) && bc.branch().equals(branch))
                .findFirst();
    }

    /** The report entries that mail a checkout of {@code tree}/{@code branch}. */
    public List<ReportConfig> reportsFor(String tree, String branch) {
        return reports.values().stream().filter(r -> r.covers(tree, branch)).toList();
    }

    /** The runtime an entry names, or the first one (in file order) of the type it asks for. */
    public Optional<RuntimeConfig> runtimeFor(RuntimeSelector selector) {
        if (selector.name().isPresent()) {
            return Optional.ofNullable(runtimes.get(selector.name().get()));
        }
        return runtimes.values().stream().filter(r -> selector.type().equals(Optional.of(r.labType()))).findFirst();
    }

    /** The entry's platforms, or the one named after the runtime's lab type when it lists none. */
    public List<PlatformConfig> platformsFor(SchedulerEntry entry, RuntimeConfig runtime) {
        List<String> names = entry.platforms().isEmpty() ? List.of(runtime.labType().wireName()) : entry.platforms();
        return names.stream().map(platforms::get).toList();
    }
}
