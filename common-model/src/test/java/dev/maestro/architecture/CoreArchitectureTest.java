package dev.maestro.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static dev.maestro.testing.PackageRules.dependsOnlyOn;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's package-info files say what each package depends on; these rules hold them to it,
 * and keep the packages free of cycles (a sub-package such as {@code node.query} is a package of
 * its own here, so {@code node} and {@code node.query} may not use each other both ways).
 */
@AnalyzeClasses(packages = "dev.maestro", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.maestro.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule error = dependsOnlyOn("dev.maestro.error");
    @ArchTest
    static final ArchRule time = dependsOnlyOn("dev.maestro.time");
    @ArchTest
    static final ArchRule files = dependsOnlyOn("dev.maestro.files");
    @ArchTest
    static final ArchRule web = dependsOnlyOn("dev.maestro.web");
    @ArchTest
    static final ArchRule kv = dependsOnlyOn("dev.maestro.kv");
    @ArchTest
    static final ArchRule metrics = dependsOnlyOn("dev.maestro.metrics");
    @ArchTest
    static final ArchRule json = dependsOnlyOn("dev.maestro.json", "dev.maestro.error");
    @ArchTest
    static final ArchRule store = dependsOnlyOn("dev.maestro.store", "dev.maestro.error");
    @ArchTest
    static final ArchRule mail = dependsOnlyOn("dev.maestro.mail", "dev.maestro.error");
    @ArchTest
    static final ArchRule security = dependsOnlyOn("dev.maestro.security", "dev.maestro.json");
    @ArchTest
    static final ArchRule telemetry = dependsOnlyOn("dev.maestro.telemetry", "dev.maestro.error", "dev.maestro.store",
            "dev.maestro.time");
    @ArchTest
    static final ArchRule user = dependsOnlyOn("dev.maestro.user",
            "dev.maestro.error", "dev.maestro.json", "dev.maestro.mail", "dev.maestro.security", "dev.maestro.store");

    @ArchTest
    static final ArchRule settings = dependsOnlyOn("dev.maestro.settings", "dev.maestro.event", "dev.maestro.mail");

    @ArchTest
    static final ArchRule event = dependsOnlyOn("dev.maestro.event",
            "dev.maestro.error", "dev.maestro.json", "dev.maestro.store", "dev.maestro.time");
    @ArchTest
    static final ArchRule eventPublish = dependsOnlyOn("dev.maestro.event.publish", "dev.maestro.event", "dev.maestro.error");
    @ArchTest
    static final ArchRule eventQuery = dependsOnlyOn("dev.maestro.event.query",
            "dev.maestro.event", "dev.maestro.error", "dev.maestro.node.query", "dev.maestro.store", "dev.maestro.time");
    @ArchTest
    static final ArchRule eventQueue = dependsOnlyOn("dev.maestro.event.queue",
            "dev.maestro.event", "dev.maestro.error", "dev.maestro.json");
    @ArchTest
    static final ArchRule eventSubscription = dependsOnlyOn("dev.maestro.event.subscription",
            "dev.maestro.event", "dev.maestro.error", "dev.maestro.store", "dev.maestro.time");

    @ArchTest
    static final ArchRule node = dependsOnlyOn("dev.maestro.node", "dev.maestro.error", "dev.maestro.json",
            "dev.maestro.time", "dev.maestro.store", "dev.maestro.user", "dev.maestro.event",
            "dev.maestro.node.field", "dev.maestro.node.kind", "dev.maestro.node.query");
    @ArchTest
    static final ArchRule nodeField = dependsOnlyOn("dev.maestro.node.field");
    @ArchTest
    static final ArchRule nodeKind = dependsOnlyOn("dev.maestro.node.kind", "dev.maestro.error", "dev.maestro.store");
    @ArchTest
    static final ArchRule nodeQuery = dependsOnlyOn("dev.maestro.node.query",
            "dev.maestro.error", "dev.maestro.store", "dev.maestro.time", "dev.maestro.node.field");
    @ArchTest
    static final ArchRule nodeInput = dependsOnlyOn("dev.maestro.node.input",
            "dev.maestro.node", "dev.maestro.node.field", "dev.maestro.error", "dev.maestro.store", "dev.maestro.time");
}
