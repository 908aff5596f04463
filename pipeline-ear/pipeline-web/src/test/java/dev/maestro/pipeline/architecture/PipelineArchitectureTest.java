package dev.maestro.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.maestro.testing.PackageRules.dependsWithinOnlyOn;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.maestro.node.query.NodeQuery;
import java.util.Map;

/**
 * The pipeline's rules, checked here because this module sees every pipeline package (steps,
 * EJBs, the resource adapter and the web module): the pipeline speaks to the core through
 * {@code NodeService}, {@code Node} and {@code NodeCriteria}, never through the API's request
 * readers ({@code node.input}) or the API module; its packages have no cycles; and each package
 * of pipeline-steps depends, within the pipeline, only on what its package-info says.
 */
@AnalyzeClasses(packages = "dev.maestro", importOptions = ImportOption.DoNotIncludeTests.class)
class PipelineArchitectureTest {
    private static final String PIPELINE = "dev.maestro.pipeline..";

    @ArchTest
    static final ArchRule noRequestReading = noClasses().that().resideInAPackage(PIPELINE)
            .should().dependOnClassesThat().resideInAPackage("dev.maestro.node.input..")
            .as("the pipeline does not read API requests (node.input): it builds nodes with Node.newNode");

    @ArchTest
    static final ArchRule noQueryStrings = noClasses().that().resideInAPackage(PIPELINE)
            .should().callMethod(NodeQuery.class, "unpaged", Map.class)
            .as("the pipeline builds node queries with NodeCriteria, not from API query strings (field__op=value)");

    @ArchTest
    static final ArchRule noApi = noClasses().that().resideInAPackage(PIPELINE)
            .should().dependOnClassesThat().resideInAPackage("dev.maestro.api..")
            .as("the pipeline does not use the API module");

    /**
     * The resource adapter's consumer ({@code ra.stream}) hands each delivery over as the
     * adapter's public {@code ra.EventDelivery}, which applications import from {@code ra}: that
     * one edge is allowed until the record moves (a change of the RAR's public API).
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.maestro.pipeline.(**)").should().beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.maestro.pipeline.ra.stream"),
                    JavaClass.Predicates.simpleName("EventDelivery"));

    @ArchTest
    static final ArchRule planning = steps("planning", "config");
    @ArchTest
    static final ArchRule runtime = steps("runtime", "config", "jobs", "process");
    @ArchTest
    static final ArchRule lava = steps("lava", "runtime");
    @ArchTest
    static final ArchRule jobs = steps("jobs");
    @ArchTest
    static final ArchRule config = steps("config", "git", "jobs");
    @ArchTest
    static final ArchRule process = steps("process");
    @ArchTest
    static final ArchRule git = steps("git", "process");
    @ArchTest
    static final ArchRule checkout = steps("checkout", "config", "git", "storage");
    @ArchTest
    static final ArchRule storage = steps("storage", "config");
    @ArchTest
    static final ArchRule patch = steps("patch", "checkout", "config", "git", "storage");
    @ArchTest
    static final ArchRule patchwork = steps("patchwork", "config");

    /** A pipeline-steps package that, within the pipeline, uses only the {@code allowed} ones. */
    private static ArchRule steps(String pkg, String... allowed) {
        String[] packages = new String[allowed.length];
        for (int i = 0; i < allowed.length; i++) {
            packages[i] = "dev.maestro.pipeline." + allowed[i];
        }
        return dependsWithinOnlyOn(PIPELINE, "dev.maestro.pipeline." + pkg, packages);
    }
}
