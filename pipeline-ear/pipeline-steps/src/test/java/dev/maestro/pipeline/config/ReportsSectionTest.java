package dev.maestro.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code reports} section: recipients from the environment, nothing when unset, problems at file:line:key. */
class ReportsSectionTest {
    private static final Path EXAMPLE = Path.of("../../server-config/src/main/config/pipeline.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theExampleMailsToyCheckoutsToTheAddressInTheEnvironment() {
        PipelineConfig config = new ConfigLoader(Map.of("MAESTRO_REPORT_TO", "dev@example.org, lead@example.org")).load(EXAMPLE);

        assertThat(config.reportsFor("toy", "main")).singleElement().satisfies(r -> {
            assertThat(r.to()).containsExactly("dev@example.org", "lead@example.org");
            assertThat(r.subject()).contains("{{new_regression_count}} new regressions");
        });
        assertThat(config.reportsFor("mainline", "master")).isEmpty();
    }

    @Test
    void theExampleMailsNobodyWhenTheVariableIsUnset() {
        PipelineConfig config = new ConfigLoader(Map.of()).load(EXAMPLE);

        assertThat(config.reports()).containsKey("toy-tree");
        assertThat(config.reportsFor("toy", "main")).isEmpty();
    }

    @Test
    void branchesNarrowAnEntryAndTheSubjectHasADefault() throws IOException {
        PipelineConfig config = new ConfigLoader(Map.of()).load(new ConfigFiles(dir).write(ConfigLoaderTest.VALID + """
                reports:
                  toy-main:
                    trees: [toy]
                    branches: [main]
                    to: [a@example.org]
                """));

        assertThat(config.reportsFor("toy", "main")).extracting(ReportConfig::subject).containsExactly(ReportConfig.DEFAULT_SUBJECT);
        assertThat(config.reportsFor("toy", "next")).isEmpty();
    }

    @Test
    void badEntriesAreReportedWithTheirPlace() throws IOException {
        Path file = new ConfigFiles(dir).write(ConfigLoaderTest.VALID + """
                reports:
                  broken:
                    trees: [nowhere]
                    to: not-an-address
                    subject: "{{#open}} never closed"
                    cc: x@example.org
                """);

        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));

        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("reports.broken.trees", "reports.broken.to", "reports.broken.subject", "reports.broken.cc");
        List<String> lines = e.problems().stream().map(ConfigProblem::toString).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(file + ":").contains("reports.broken.to")
                .contains("'not-an-address' is not an e-mail address"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("unknown tree(s) [nowhere]"));
    }

}
