package dev.maestro.pipeline.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.error.MaestroException;
import dev.maestro.pipeline.config.ConfigFiles;
import dev.maestro.pipeline.config.PipelineConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KernelCI's checks of a custom checkout, against a configuration with one tree and two jobs. */
class CustomCheckoutRequestTest {
    private static final String URL = "https://git.example.org/toy.git";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String CONFIG = """
            storage:
              local: {storage_type: filesystem, path: storage, base_url: "http://h/", api_url: "http://h/"}
            trees:
              toy: {url: "%s"}
              local: {url: /srv/git/local.git}
            build_configs:
              toy_main: {tree: toy, branch: main}
              local_main: {tree: local, branch: main}
            jobs:
              kbuild-tiny: {kind: kbuild, template: kbuild-tiny.sh, params: {arch: x86_64}}
              tiny-tests: {kind: job, template: tiny-tests.sh}
            platforms:
              shell: {}
              qemu-x86: {arch: x86_64}
            runtimes:
              shell: {lab_type: shell}
            scheduler: []
            """.formatted(URL);

    static PipelineConfig config;

    @BeforeAll
    static void load(@TempDir Path dir) throws IOException {
        config = new ConfigFiles(dir).load(CONFIG);
    }

    @Test
    void aConfiguredTreeBranchAndFiltersAreTaken() {
        CustomCheckoutRequest request = CustomCheckoutRequest.read(body("jobfilter", List.of("kbuild-tiny+"),
                "platformfilter", List.of("qemu-x86")), config);
        assertThat(request.tree().name()).isEqualTo("toy");
        assertThat(request.buildConfig().name()).isEqualTo("toy_main");
        assertThat(request.commit()).isEqualTo(COMMIT);
        assertThat(request.jobfilter()).containsExactly("kbuild-tiny+");
        assertThat(request.platformFilter()).containsExactly("qemu-x86");
    }

    @Test
    void aLocalTreeIsNamedByItsFileUrlOrItsPath() {
        assertThat(CustomCheckoutRequest.read(body("url", "file:///srv/git/local.git"), config).tree().name()).isEqualTo("local");
        assertThat(CustomCheckoutRequest.read(body("url", "/srv/git/./local.git"), config).tree().name()).isEqualTo("local");
    }

    @Test
    void kciDevsEmptyFiltersMeanEverything() {
        CustomCheckoutRequest request = CustomCheckoutRequest.read(body("jobfilter", null, "platformfilter", List.of()), config);
        assertThat(request.jobfilter()).isEmpty();
        assertThat(request.platformFilter()).isEmpty();
    }

    @Test
    void eachProblemHasItsStatusAndSaysWhatIsWrong() {
        assertRefused(body("commit", "xyz"), 400, "Invalid commit format");
        assertRefused(body("commit", COMMIT.toUpperCase()), 400, "Invalid commit format");
        assertRefused(body("url", "https://elsewhere/toy.git"), 404, "no configured tree has the URL https://elsewhere/toy.git");
        assertRefused(body("branch", "next"), 404, "branch next of tree toy is not in any build config");
        assertRefused(body("jobfilter", List.of("nope")), 404, "Job nope not found");
        assertRefused(body("jobfilter", List.of("nope+")), 404, "Job nope+ not found");
        assertRefused(body("platformfilter", List.of("rpi4")), 404, "Platform rpi4 not found");
        assertRefused(body("jobfilter", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9")), 400, "Too many entries in jobfilter");
        assertRefused(body("jobfilter", "kbuild-tiny"), 422, "valid list");
        assertRefused(body("commit", null), 422, "Field required");
    }

    private static void assertRefused(Map<String, Object> body, int status, String detail) {
        assertThatThrownBy(() -> CustomCheckoutRequest.read(body, config)).isInstanceOfSatisfying(MaestroException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.detail().toString()).contains(detail);
                });
    }

    private static Map<String, Object> body(Object... overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("url", URL, "branch", "main", "commit", COMMIT));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }
}
