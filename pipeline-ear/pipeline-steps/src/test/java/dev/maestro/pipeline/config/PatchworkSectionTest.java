package dev.maestro.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code patchwork} section: tokens and secrets named by variable, defaults, problems at file:line:key. */
class PatchworkSectionTest {
    @TempDir
    Path dir;

    @Test
    void anEntryNamesItsTokenAndSecretByVariable() throws IOException {
        PipelineConfig config = new ConfigLoader(Map.of()).load(new ConfigFiles(dir).write(ConfigLoaderTest.VALID + """
                patchwork:
                  toy-list:
                    url: https://patchwork.example.org
                    project: toy
                    token_env: TOY_PATCHWORK_TOKEN
                    build_config: toy_main
                    poll_period: 1m
                    mail_submitter: true
                    webhook_secret_env: TOY_WEBHOOK_SECRET
                    allowed_hosts: [lore.example.org]
                    jobfilter: [kver, kbuild-tiny+]
                """));

        PatchworkConfig entry = config.patchwork().get("toy-list");
        assertThat(entry.url()).isEqualTo(URI.create("https://patchwork.example.org/"));
        assertThat(entry.pollPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(entry.reportChecks()).isTrue();
        assertThat(entry.mailSubmitter()).isTrue();
        assertThat(entry.token(Map.of("TOY_PATCHWORK_TOKEN", "t0k"))).contains("t0k");
        assertThat(entry.token(Map.of())).isEmpty();
        assertThat(entry.webhookSecret(Map.of("TOY_WEBHOOK_SECRET", "s"))).contains("s");
        assertThat(entry.mayFetch(URI.create("https://lore.example.org/r/x.mbox"))).isTrue();
        assertThat(entry.mayFetch(URI.create("https://patchwork.example.org/patch/1/mbox/"))).isTrue();
        assertThat(entry.mayFetch(URI.create("https://evil.example.org/p"))).isFalse();
        assertThat(entry.jobfilter()).containsExactly("kver", "kbuild-tiny+");
    }

    @Test
    void defaultsAreFiveMinutesChecksOnAndNoMailNorWebhook() throws IOException {
        PatchworkConfig entry = new ConfigLoader(Map.of()).load(new ConfigFiles(dir).write(ConfigLoaderTest.VALID + """
                patchwork:
                  toy-list: {url: "https://pw.example.org/", project: toy, token_env: T, build_config: toy_main}
                """)).patchwork().get("toy-list");

        assertThat(entry).isEqualTo(new PatchworkConfig("toy-list", URI.create("https://pw.example.org/"), "toy", "T", "toy_main",
                Duration.ofMinutes(5), true, false, Optional.empty(), List.of(), List.of()));
    }

    @Test
    void badEntriesAreReportedWithTheirPlace() throws IOException {
        Path file = new ConfigFiles(dir).write(ConfigLoaderTest.VALID + """
                patchwork:
                  broken:
                    url: ftp://pw.example.org
                    project: toy
                    token_env: "abc123 literal token"
                    build_config: nowhere
                    report_checks: maybe
                    jobfilter: [kver, nothing]
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(file));

        assertThat(e.problems()).extracting(ConfigProblem::key).contains("patchwork.broken.url", "patchwork.broken.token_env",
                "patchwork.broken.build_config", "patchwork.broken.report_checks", "patchwork.broken.jobfilter");
        assertThat(e.getMessage()).contains("unknown build config 'nowhere' (defined: toy_main")
                .contains("is not an environment variable name").contains("expected true or false")
                .contains("unknown job(s) [nothing]");
    }

}
