package dev.maestro.pipeline.patchwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maestro.pipeline.config.PatchworkConfig;
import dev.maestro.testsupport.FixtureRepo;
import dev.maestro.testsupport.FakePatchwork;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST client against a real HTTP server with Patchwork's v1.2 shapes, on a series made with
 * {@code git format-patch --base} from the fixture tree.
 */
class PatchworkClientTest {
    @TempDir
    Path dir;

    private FakePatchwork patchwork;
    private FixtureRepo repo;
    private String base;

    @BeforeEach
    void start() throws IOException {
        patchwork = FakePatchwork.start("toy", "s3cret");
        repo = FixtureRepo.create(dir.resolve("toy"));
        base = repo.head();
    }

    @AfterEach
    void stop() {
        patchwork.close();
    }

    @Test
    void completedSeriesAreReadOldestFirstAcrossPagesAndFromADate() {
        long first = patchwork.addSeries("one", "Ann", "ann@example.org", mails(1));
        long second = patchwork.addSeries("two", "Ann", "ann@example.org", mails(1));
        long third = patchwork.addSeries("three", "Ann", "ann@example.org", mails(1));
        patchwork.complete(first);
        patchwork.complete(second);
        patchwork.complete(third);
        PatchworkClient client = client(Optional.of("s3cret"));

        List<SeriesEvent> all = client.seriesCompleted(Optional.empty());
        assertThat(all).extracting(SeriesEvent::seriesId).containsExactly(first, second, third);
        assertThat(patchwork.requests()).anyMatch(r -> r.contains("page=2"));

        assertThat(client.seriesCompleted(Optional.of(all.get(1).date()))).extracting(SeriesEvent::seriesId)
                .containsExactly(second, third);
    }

    @Test
    void aSeriesMboxSplitsIntoItsPatchesWithTheBaseCommit() {
        long id = patchwork.addSeries("toy: three changes", "Ann Author", "ann@example.org", mails(3));
        PatchworkClient client = client(Optional.empty());

        Series series = client.series(id);
        assertThat(series.submitter()).isEqualTo(new Submitter("Ann Author", "ann@example.org"));
        assertThat(series.patches()).hasSize(3).extracting(SeriesPatch::id).containsExactlyElementsOf(patchwork.patchIds(id));
        assertThat(series.complete()).isTrue();

        Mbox mbox = Mbox.parse(client.download(series.mbox()));
        assertThat(mbox.patches()).hasSize(3);
        assertThat(mbox.patches().get(0)).contains("Subject: [PATCH 1/3] change 1").contains("diff --git a/hello.c b/hello.c");
        assertThat(mbox.patches().get(2)).contains("Subject: [PATCH 3/3] change 3");
        assertThat(mbox.baseCommit()).contains(base);
    }

    @Test
    void aCoverLetterIsNotAPatch() throws IOException {
        String all = String.join("", formatPatch(2, "--cover-letter"));
        Mbox mbox = Mbox.parse(all.getBytes());
        assertThat(mbox.patches()).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain("*** SUBJECT HERE ***"));
        assertThat(mbox.baseCommit()).contains(base);
    }

    @Test
    void checksArePostedWithTheTokenAndRefusedWithoutIt() {
        long id = patchwork.addSeries("one", "Ann", "ann@example.org", mails(1));
        long patch = patchwork.patchIds(id).get(0);
        PatchworkCheck check = new PatchworkCheck("success", "maestro-builds", "1 builds: 1 pass", "http://ci/summary/1");

        client(Optional.of("s3cret")).postCheck(patch, check);
        assertThat(patchwork.checks()).containsExactly(
                new FakePatchwork.Check(patch, "success", "maestro-builds", "1 builds: 1 pass", "http://ci/summary/1"));

        assertThatThrownBy(() -> client(Optional.of("wrong")).postCheck(patch, check))
                .isInstanceOf(PatchworkException.class).hasMessageContaining("403");
        assertThatThrownBy(() -> client(Optional.empty()).postCheck(patch, check))
                .isInstanceOf(PatchworkException.class).hasMessageContaining("PW_TOKEN is not set");
        patchwork.checksDown(true);
        assertThatThrownBy(() -> client(Optional.of("s3cret")).postCheck(patch, check))
                .isInstanceOf(PatchworkException.class).hasMessageContaining("503");
        assertThat(patchwork.checks()).hasSize(1);
    }

    @Test
    void onlyAllowedHostsAreFetched() {
        PatchworkClient client = client(Optional.empty());
        URI elsewhere = URI.create("http://localhost:" + patchwork.url().getPort() + "/patch/1/mbox/");
        assertThatThrownBy(() -> client.download(elsewhere)).isInstanceOf(DisallowedHostException.class)
                .hasMessageContaining("host localhost is not among the allowed hosts");
        assertThatThrownBy(() -> client.download(URI.create("file:///etc/passwd"))).isInstanceOf(DisallowedHostException.class);
        assertThat(patchwork.requests()).isEmpty();

        PatchworkConfig allowing = config(List.of("localhost"));
        assertThat(allowing.mayFetch(elsewhere)).isTrue();
    }

    private PatchworkClient client(Optional<String> token) {
        return new PatchworkClient(config(List.of()), token);
    }

    private PatchworkConfig config(List<String> allowedHosts) {
        return new PatchworkConfig("toy-pw", patchwork.url(), "toy", "PW_TOKEN", "toy_main", Duration.ofSeconds(1), true, false,
                Optional.empty(), allowedHosts, List.of());
    }

    /** {@code count} real patches on the fixture, one mail each, with the base commit. */
    private List<String> mails(int count) {
        return formatPatch(count);
    }

    private List<String> formatPatch(int count, String... extra) {
        for (int i = 1; i <= count; i++) {
            repo.commit("change " + i, Map.of("hello.c", FixtureRepo.HELLO + "/* change " + i + " */\n"));
        }
        Path out = dir.resolve("patches-" + System.nanoTime());
        String[] args = Stream.concat(Stream.of("format-patch", "--quiet", "--base=" + base,
                "--output-directory", out.toString()), Stream.concat(Stream.of(extra), Stream.of(base + "..HEAD"))).toArray(String[]::new);
        repo.git(args);
        repo.git("reset", "--quiet", "--hard", base);
        try (Stream<Path> files = Files.list(out)) {
            return files.sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
