package dev.maestro.api.dashboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static dev.maestro.testing.PackageRules.dependsOnlyOn;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dashboard's package-info lines, enforced: the pages' models know nodes and Mustache but no
 * HTTP (so they are tested and benchmarked without a server), and the resources reach the rest
 * of the API only for its query-parameter reading.
 */
@AnalyzeClasses(packages = "dev.maestro", importOptions = ImportOption.DoNotIncludeTests.class)
class DashboardArchitectureTest {
    @ArchTest
    static final ArchRule view = dependsOnlyOn("dev.maestro.api.dashboard.view",
            "dev.maestro.node", "dev.maestro.node.query", "dev.maestro.error", "dev.maestro.json", "dev.maestro.time");

    @ArchTest
    static final ArchRule viewIsNotHttp = noClasses().that().resideInAPackage("dev.maestro.api.dashboard.view")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..")
            .as("the dashboard's view models do not use JAX-RS or servlets");

    @ArchTest
    static final ArchRule pages = dependsOnlyOn("dev.maestro.api.dashboard", "dev.maestro.api.dashboard.view",
            "dev.maestro.api.http", "dev.maestro.node", "dev.maestro.node.query", "dev.maestro.event",
            "dev.maestro.event.subscription",
            "dev.maestro.error", "dev.maestro.json", "dev.maestro.store");
}
