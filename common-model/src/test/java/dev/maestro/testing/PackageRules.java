package dev.maestro.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The architecture rules each module's {@code ArchitectureTest} states with ArchUnit, so that a
 * package-info's "depends on" line reads the same as the rule that enforces it.
 */
public final class PackageRules {
    /** Everything of the project; what lies outside (the JDK, libraries) is not restricted here. */
    public static final String PROJECT = "dev.maestro..";

    private PackageRules() {
    }

    /**
     * Within the project, the classes of {@code pkg} (not its sub-packages) use only their own
     * package and the {@code allowed} ones (ArchUnit package patterns: {@code x..} includes
     * the sub-packages of {@code x}).
     */
    public static ArchRule dependsOnlyOn(String pkg, String... allowed) {
        return dependsWithinOnlyOn(PROJECT, pkg, allowed);
    }

    /**
     * Within {@code scope} (a package pattern such as {@code dev.maestro.pipeline..}), the classes
     * of {@code pkg} use only their own package and the {@code allowed} ones; what lies outside
     * the scope is not restricted by this rule.
     */
    public static ArchRule dependsWithinOnlyOn(String scope, String pkg, String... allowed) {
        List<String> packages = new ArrayList<>(List.of(allowed));
        packages.add(pkg);
        String described = allowed.length == 0 ? "nothing else in " + scope : String.join(", ", allowed);
        return classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat(resideOutsideOfPackage(scope)
                        .or(resideInAnyPackage(packages.toArray(String[]::new))))
                .as(pkg + " depends only on " + described + " (within " + scope + ")");
    }
}
